using Dashboard.Contracts.Calendar;

namespace Dashboard.Grains.Alerts;

/// <summary>A source that has sent nothing for longer than allowed: the silence may be a broken feed.</summary>
public static class NoDataRule
{
    public const string Name = "no-data";

    public static RuleVerdict Judge(TimeSpan allowed, string lineName, DateTimeOffset lastData, DateTimeOffset now)
    {
        var silent = now - lastData;
        return new RuleVerdict(Name, silent > allowed, allowed.TotalHours, 0,
            $"{lineName}已{silent.TotalHours:0.#}小时无数据（允许{allowed.TotalHours:0.#}小时，最后数据 {BureauCalendar.LocalTime(lastData):MM-dd HH:mm}）");
    }
}
