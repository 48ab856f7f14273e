namespace Dashboard.Web.Tests;

/// <summary>
/// Tests that measure the whole test process run alone: the test host runs other classes in parallel,
/// in the same process, and their allocations would count as the measured node's memory, their
/// measurements in its meters (a meter provider listens to every meter of a name in the process).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresTheProcess
{
    public const string Name = "measures the process";
}
