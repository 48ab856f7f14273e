namespace Dashboard.Web.WorkOrders;

/// <summary>
/// Which column of the 12345 platform's export (or which field of a pushed order) holds what the
/// counters need. Every other column (the caller's name and phone, the complaint's text) is never read.
/// </summary>
public sealed class WorkOrderColumns
{
    public string Number { get; set; } = "工单编号";

    /// <summary>Beijing time, as the platform writes it: <c>2026-12-05 09:30:00</c>; an Excel date cell works too.</summary>
    public string ReceivedAt { get; set; } = "受理时间";

    /// <summary>A county's name or code as the registry has it; the city's own name or 市本级 for the city line.</summary>
    public string District { get; set; } = "所属区县";

    public string Category { get; set; } = "诉求类别";

    /// <summary>是 / 否 (also Y, yes, true, 1).</summary>
    public string Minor { get; set; } = "是否涉及未成年人";

    public string Handling { get; set; } = "处理方式";

    public IEnumerable<string> All => [Number, ReceivedAt, District, Category, Minor, Handling];
}
