using System.Text.Json;

namespace Dashboard.Web.WorkOrders;

/// <summary>
/// POST /api/v1/workorders: orders as the platform holds them, each an object keyed by the same
/// column names as its export (see <see cref="WorkOrderColumns"/>); other fields are ignored.
/// </summary>
public sealed record WorkOrderPush(IReadOnlyList<Dictionary<string, JsonElement>?>? Orders);
