namespace Dashboard.Web.Alerts;

/// <summary>An officer acknowledging or resolving an alert: who, and optionally a note.</summary>
public sealed record AlertActionRequest(string? By, string? Note)
{
    private const int MaxName = 50;
    private const int MaxNote = 500;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(By) || By.Trim().Length > MaxName)
        {
            errors["by"] = [$"请填写处理人姓名（最多 {MaxName} 个字）"];
        }

        if (Note?.Length > MaxNote)
        {
            errors["note"] = [$"备注最多 {MaxNote} 个字"];
        }

        return errors;
    }
}
