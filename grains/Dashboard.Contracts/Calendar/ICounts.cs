namespace Dashboard.Contracts.Calendar;

/// <summary>A set of counters that can be added up (rescue counts, hotline counts).</summary>
public interface ICounts<T> where T : ICounts<T>
{
    static abstract T Zero { get; }

    T Add(T other);
}
