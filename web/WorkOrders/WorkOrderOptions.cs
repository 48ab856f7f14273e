namespace Dashboard.Web.WorkOrders;

/// <summary>Dashboard:WorkOrders — how a 12345 work order becomes 未保 hotline counts.</summary>
public sealed class WorkOrderOptions
{
    public const string Section = "Dashboard:WorkOrders";

    private static readonly string[] DefaultCategories = ["未成年人保护", "未保"];
    private static readonly string[] DefaultInterventions = ["介入", "转办", "派单", "救助"];

    public WorkOrderColumns Columns { get; set; } = new();

    /// <summary>
    /// Categories (诉求类别) that belong to the 未保 hotline even when the minor column says 否. Null:
    /// 未成年人保护 and 未保. (Null rather than a default list, because binding appends to a list.)
    /// </summary>
    public string[]? Categories { get; set; }

    /// <summary>A handling (处理方式) that contains one of these is an intervention (介入求助); any other a consultation (解决咨询).</summary>
    public string[]? Interventions { get; set; }

    public IReadOnlyList<string> CategoriesOrDefault => Categories ?? DefaultCategories;

    public IReadOnlyList<string> InterventionsOrDefault => Interventions ?? DefaultInterventions;
}
