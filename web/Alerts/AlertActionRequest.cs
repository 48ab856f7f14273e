using Dashboard.Contracts.Text;

namespace Dashboard.Web.Alerts;

/// <summary>
/// An officer acknowledging or resolving an alert, optionally with a note. Who did it is whoever is
/// signed in; <paramref name="By"/> is optional display text (the officer on the console's shared
/// account, say), recorded beside the identity, never instead of it.
/// </summary>
public sealed record AlertActionRequest(string? By, string? Note)
{
    public const int MaxName = 50;
    private const int MaxNote = 500;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (SafeText.CheckName(By, "处理人姓名", MaxName, required: false) is { } byProblem)
        {
            errors["by"] = [byProblem];
        }

        if (SafeText.CheckText(Note, "备注", MaxNote) is { } noteProblem)
        {
            errors["note"] = [noteProblem];
        }

        return errors;
    }
}
