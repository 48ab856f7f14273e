using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.Tests;

/// <summary>
/// The expected counters of <see cref="HistoryCheckTests"/>: it makes up events that are valid in any
/// order and adds up what each of them must change.
/// </summary>
public sealed class CounterModel
{
    private readonly Random random;
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;
    private readonly List<Place> homes;
    private readonly List<Place> stations;
    private readonly List<string> lines;
    private readonly Dictionary<string, int[]> expected = [];

    public CounterModel(IEnumerable<CountySnapshot> counties, Random random)
    {
        this.random = random;
        var all = counties.SelectMany(county => county.Institutions.Select(institution => new Place(county.Code, institution))).ToList();
        homes = [.. all.Where(place => place.Institution.Rescue is null)];
        stations = [.. all.Where(place => place.Institution.Rescue is not null)];
        lines = [.. counties.Select(county => county.Code)];
        foreach (var place in all)
        {
            var rescue = place.Institution.Rescue;
            expected[place.Institution.Id] = [place.Institution.Occupants, rescue?.Received ?? 0, rescue?.Minors ?? 0, rescue?.Settled ?? 0, rescue?.Reunited ?? 0];
            place.Budget = place.Institution.Occupants;
        }

        foreach (var county in counties)
        {
            var hotline = county.Hotline;
            expected[Line(county.Code)] = [hotline.Answered, hotline.Missed, hotline.Outbound, hotline.Consultations, hotline.Interventions];
        }
    }

    public object NextEvent(int index)
    {
        var id = $"history-{index}";
        var at = now.AddSeconds(-random.Next(0, 600)).ToString("O");
        switch (random.Next(100))
        {
            case < 35:
                var home = homes[random.Next(homes.Count)];
                var admitted = random.Next(1, 4);
                expected[home.Institution.Id][0] += admitted;
                return new { id, type = "institution.admitted", occurredAt = at, institutionId = home.Institution.Id, count = admitted };
            case < 50 when homes.Where(place => place.Budget > 0).ToList() is { Count: > 0 } full:
                var from = full[random.Next(full.Count)];
                from.Budget--;
                expected[from.Institution.Id][0]--;
                return new { id, type = "institution.discharged", occurredAt = at, institutionId = from.Institution.Id, count = 1 };
            case < 65:
                var station = stations[random.Next(stations.Count)];
                var minor = random.Next(5) == 0;
                Add(station.Institution.Id, occupants: 1, received: 1, minors: minor ? 1 : 0);
                return new { id, type = "rescue.received", occurredAt = at, stationId = station.Institution.Id, minor };
            case < 75 when stations.Where(place => place.Budget > 0).ToList() is { Count: > 0 } staying:
                var leaving = staying[random.Next(staying.Count)];
                leaving.Budget--;
                var settled = random.Next(2) == 0;
                Add(leaving.Institution.Id, occupants: -1, settled: settled ? 1 : 0, reunited: settled ? 0 : 1);
                return new { id, type = settled ? "rescue.settled" : "rescue.reunited", occurredAt = at, stationId = leaving.Institution.Id };
            case < 95:
                var code = lines[random.Next(lines.Count)];
                var (direction, answered) = random.Next(3) switch { 0 => ("outbound", true), 1 => ("inbound", false), _ => ("inbound", true) };
                expected[Line(code)][direction == "outbound" ? 2 : answered ? 0 : 1]++;
                return new { id, type = "hotline.call", occurredAt = at, countyCode = code, direction, answered };
            default:
                var county = lines[random.Next(lines.Count)];
                var intervention = random.Next(2) == 0;
                expected[Line(county)][intervention ? 4 : 3]++;
                return new { id, type = "hotline.case", occurredAt = at, countyCode = county, kind = intervention ? "intervention" : "consultation" };
        }
    }

    public void AssertMatches(IEnumerable<CountySnapshot> counties, CitySnapshot city)
    {
        var all = counties.ToList();
        foreach (var institution in all.SelectMany(county => county.Institutions))
        {
            var rescue = institution.Rescue;
            int[] actual = [institution.Occupants, rescue?.Received ?? 0, rescue?.Minors ?? 0, rescue?.Settled ?? 0, rescue?.Reunited ?? 0];
            Assert.True(expected[institution.Id].SequenceEqual(actual), $"{institution.Id}: expected {string.Join(',', expected[institution.Id])}, got {string.Join(',', actual)}");
        }

        foreach (var county in all)
        {
            var ids = county.Institutions.Select(institution => institution.Id).ToList();
            Assert.Equal(Sum(ids, 0, kind => kind.IsElderlyCare(), county), county.ElderlyCare.Occupants);
            Assert.Equal(Sum(ids, 0, kind => kind.IsChildWelfare(), county), county.ChildWelfare.Occupants);
            Assert.Equal(Sum(ids, 0, kind => kind.IsRescue(), county), county.Rescue.Residents);
            Assert.Equal(Sum(ids, 1, kind => kind.IsRescue(), county), county.Rescue.Received);
            int[] hotline = [county.Hotline.Answered, county.Hotline.Missed, county.Hotline.Outbound, county.Hotline.Consultations, county.Hotline.Interventions];
            Assert.True(expected[Line(county.Code)].SequenceEqual(hotline), $"hotline {county.Code}: expected {string.Join(',', expected[Line(county.Code)])}, got {string.Join(',', hotline)}");
        }

        Assert.Equal(all.Sum(county => county.ElderlyCare.Occupants), city.ElderlyCare.Occupants);
        Assert.Equal(all.Sum(county => county.ChildWelfare.Occupants), city.ChildWelfare.Occupants);
        Assert.Equal((all.Sum(county => county.Rescue.Received), all.Sum(county => county.Rescue.Minors), all.Sum(county => county.Rescue.Settled), all.Sum(county => county.Rescue.Reunited), all.Sum(county => county.Rescue.Residents)),
            (city.Rescue.Received, city.Rescue.Minors, city.Rescue.Settled, city.Rescue.Reunited, city.Rescue.Residents));
        Assert.Equal(lines.Sum(line => expected[Line(line)][0]), city.Hotline.Answered);
        Assert.Equal(lines.Sum(line => expected[Line(line)][3] + expected[Line(line)][4]), city.Hotline.Consultations + city.Hotline.Interventions);
    }

    private int Sum(IEnumerable<string> ids, int counter, Func<InstitutionKind, bool> kind, CountySnapshot county) =>
        ids.Where(id => InstitutionKinds.TryParse(county.Institutions.Single(institution => institution.Id == id).Kind, out var parsed) && kind(parsed))
            .Sum(id => expected[id][counter]);

    private void Add(string id, int occupants, int received = 0, int minors = 0, int settled = 0, int reunited = 0)
    {
        var counters = expected[id];
        counters[0] += occupants;
        counters[1] += received;
        counters[2] += minors;
        counters[3] += settled;
        counters[4] += reunited;
    }

    private static string Line(string code) => $"hotline:{code}";

    private sealed record Place(string County, InstitutionSnapshot Institution)
    {
        /// <summary>How many may still leave, whatever the order the events arrive in.</summary>
        public int Budget { get; set; }
    }
}
