namespace Dashboard.Web.WorkOrders;

/// <summary>What an import of a 12345 export did, order by order.</summary>
/// <param name="Rows">Rows read (orders of the export).</param>
/// <param name="OutsideHotline">Orders that are not the 未保 hotline's, skipped.</param>
/// <param name="Invalid">The hotline's orders with bad rows, skipped (only with skipInvalid=true).</param>
/// <param name="Repeated">Orders the file lists more than once, counted once.</param>
/// <param name="Accepted">Orders of yesterday and today counted now.</param>
/// <param name="Duplicates">Orders of yesterday and today counted before (by an earlier import or a push).</param>
/// <param name="Rejected">Orders the counters refused, each with its reason in <paramref name="Rejections"/>.</param>
/// <param name="History">Orders of earlier days, set as those days' calls per hour.</param>
/// <param name="TooOld">Orders older than the history kept (400 days), skipped.</param>
/// <param name="ByLine">The hotline's orders per line (county code, or the city code for 市本级).</param>
public sealed record WorkOrderImportResult(
    string Format,
    int Rows,
    int OutsideHotline,
    int Invalid,
    int Repeated,
    int Accepted,
    int Duplicates,
    int Rejected,
    int History,
    int HistoryDays,
    int TooOld,
    IReadOnlyDictionary<string, int> ByLine,
    IReadOnlyList<string> Rejections);
