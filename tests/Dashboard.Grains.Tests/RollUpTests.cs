using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Snapshots;

namespace Dashboard.Grains.Tests;

public sealed class RollUpTests(TestSilo silo) : IClassFixture<TestSilo>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_county_keeps_the_newest_report_of_each_institution_whatever_the_order()
    {
        var county = silo.Grains.GetGrain<ICountyGrain>("441001");

        await county.Report(Totals("a", "441001", version: 3, beds: 30, occupants: 12));
        await county.Report(Totals("a", "441001", version: 1, beds: 10, occupants: 99));
        await county.Report(Totals("b", "441001", version: 2, beds: 20, occupants: 5));
        await county.Report(Totals("a", "441001", version: 2, beds: 15, occupants: 50));

        var totals = await county.GetTotals();
        Assert.Equal((2, 50, 17), Capacity(totals.ElderlyCare));
        Assert.Equal(3 + 2, totals.Version);
    }

    [Fact]
    public async Task Duplicate_reports_change_neither_the_totals_nor_the_version()
    {
        var county = silo.Grains.GetGrain<ICountyGrain>("441002");
        var report = Totals("c", "441002", version: 4, beds: 40, occupants: 21);

        await county.Report(report);
        var once = await county.GetTotals();
        await county.Report(report);
        await county.Report(report);

        var again = await county.GetTotals();
        Assert.Equal((once.Version, Capacity(once.ElderlyCare)), (again.Version, Capacity(again.ElderlyCare)));
    }

    [Fact]
    public async Task The_city_sums_its_counties_and_ignores_stale_county_reports()
    {
        var city = silo.Grains.GetGrain<ICityGrain>("442000");
        await silo.Grains.GetGrain<ICountyGrain>("442001").Define("甲县", cityCode: "442000");
        await silo.Grains.GetGrain<ICountyGrain>("442002").Define("乙县", cityCode: "442000");
        await silo.Grains.GetGrain<ICountyGrain>("442001").Report(Totals("d", "442001", version: 2, beds: 100, occupants: 40));
        await silo.Grains.GetGrain<ICountyGrain>("442002").Report(Totals("e", "442002", version: 5, beds: 60, occupants: 30));
        await city.Report(new ScopeTotals("442001", "stale", 1, Noon, false, CapacityGroup.Empty with { Institutions = 1, Beds = 999, Occupants = 999 }, CapacityGroup.Empty, [], []));

        var snapshot = await city.GetSnapshot();

        Assert.Equal((2, 160, 70), Capacity(snapshot.ElderlyCare));
        Assert.Equal(2 + 5, snapshot.Version);
    }

    [Fact]
    public async Task Child_welfare_is_counted_apart_from_elderly_care()
    {
        var county = silo.Grains.GetGrain<ICountyGrain>("441003");

        await county.Report(Totals("f", "441003", version: 1, beds: 50, occupants: 20));
        await county.Report(Totals("g", "441003", version: 1, beds: 80, occupants: 60, InstitutionKind.ChildWelfare));

        var totals = await county.GetTotals();
        Assert.Equal((1, 50, 20), Capacity(totals.ElderlyCare));
        Assert.Equal((1, 80, 60), Capacity(totals.ChildWelfare));
    }

    private static (int Institutions, int Beds, int Occupants) Capacity(CapacityGroup group) => (group.Institutions, group.Beds, group.Occupants);

    private static InstitutionTotals Totals(string id, string county, long version, int beds, int occupants, InstitutionKind kind = InstitutionKind.PublicElderlyCare) =>
        new(new InstitutionInfo($"{county}-{id}", $"机构 {id}", kind, county, Demo: false), version, Noon, beds, occupants);
}
