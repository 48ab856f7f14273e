namespace Dashboard.Web.WorkOrders;

/// <summary>
/// A work order of the 未保 hotline as the counters need it: the line, the time, and whether it was
/// an intervention. The order's number survives only as its hash, which names its events.
/// </summary>
public sealed record WorkOrder(int Row, string NumberHash, DateTimeOffset ReceivedAt, string Line, bool Intervention)
{
    public string CallEventId => $"wo-{NumberHash}-call";

    public string CaseEventId => $"wo-{NumberHash}-case";
}
