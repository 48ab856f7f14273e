namespace Dashboard.Grains.Alerts;

/// <summary>What one run of the rules found about one subject: an <see cref="Observation"/> or a <see cref="Retirement"/>.</summary>
public interface IAlertFinding
{
    string Subject { get; }
}
