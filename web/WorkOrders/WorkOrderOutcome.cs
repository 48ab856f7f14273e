namespace Dashboard.Web.WorkOrders;

/// <summary>A pushed order's fate: <c>accepted</c>, <c>duplicate</c>, <c>rejected</c> (with the reason) or <c>skipped</c> (not the 未保 hotline's).</summary>
public sealed record WorkOrderOutcome(int Order, string Status, string? Reason = null);
