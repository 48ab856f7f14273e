namespace Dashboard.Web.WorkOrders;

/// <summary>The mapped columns of one row of an export or one pushed order, as written; nothing else of it is kept.</summary>
/// <param name="Row">The row in the file (the header is row 1), or the order's position in a pushed batch.</param>
public sealed record WorkOrderRow(int Row, string? Number, string? ReceivedAt, string? District, string? Category, string? Minor, string? Handling);
