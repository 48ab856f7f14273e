namespace Dashboard.Web.Display;

/// <summary>The screens <c>/carousel</c> rotates through, and the one it holds while an alert is firing.</summary>
public sealed class CarouselOptions
{
    private static readonly string[] DefaultScreens = ["/", "/leader", "/duty"];

    /// <summary>
    /// Empty by default because the configuration binder appends to a list it finds filled: configured
    /// screens would otherwise come after the defaults instead of replacing them.
    /// </summary>
    public List<string> Screens { get; set; } = [];

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public string AlertScreen { get; set; } = "/duty";

    public IReadOnlyList<string> EffectiveScreens => Screens.Count > 0 ? Screens : DefaultScreens;
}
