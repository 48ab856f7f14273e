namespace Dashboard.Web.Tests;

/// <summary>
/// Tests that measure the process's managed memory run alone: the test host runs other classes in
/// parallel, in the same process, and their allocations would count as the measured node's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresMemory
{
    public const string Name = "measures memory";
}
