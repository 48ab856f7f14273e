namespace Dashboard.Contracts.Alerts;

public enum AlertActionOutcome
{
    Done,
    NotFound,
    AlreadyResolved,
}
