using System.Collections.Concurrent;
using System.Net.Http.Json;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

/// <summary>
/// A counter check in the manner of Jepsen's: concurrent clients send random events of every type,
/// each one to three times, shuffled across batches. Every event is chosen so that it must be
/// accepted in any order (discharges and departures never exceed what was there at the start).
/// At the end each distinct event was accepted exactly once, and every institution, county and
/// city counter equals the start plus the sum of the distinct events.
/// </summary>
public sealed class HistoryCheckTests
{
    private const int DistinctEvents = 3000;
    private const int Clients = 8;

    [Fact]
    public async Task Every_counter_equals_the_sum_of_the_distinct_accepted_events()
    {
        await using var app = new DashboardApp();
        var city = await app.GetCity();
        var counties = await Task.WhenAll(city.Counties.Select(county => county.Code).Append(city.Code)
            .Select(code => app.Http.GetFromJsonAsync<CountySnapshot>($"/api/v1/counties/{code}", Json.Options)));
        var model = new CounterModel(counties!, new Random(20211231));
        var events = Enumerable.Range(0, DistinctEvents).Select(model.NextEvent).ToList();

        var results = await SendShuffledWithDuplicates(app.Http, events, new Random(7));

        var byId = results.GroupBy(result => result.Id).ToDictionary(group => group.Key, group => group.ToList());
        Assert.Equal(DistinctEvents, byId.Count);
        Assert.All(byId.Values, sends =>
        {
            Assert.DoesNotContain(sends, send => send.Status == EventStatus.Rejected);
            Assert.Single(sends, send => send.Status == EventStatus.Accepted);
        });
        var after = await Task.WhenAll(counties.Select(county => app.Http.GetFromJsonAsync<CountySnapshot>($"/api/v1/counties/{county!.Code}", Json.Options)));
        model.AssertMatches(after!, await app.GetCity());
    }

    private static async Task<List<EventResult>> SendShuffledWithDuplicates(HttpClient http, List<object> events, Random random)
    {
        var sends = events.SelectMany(item => Enumerable.Repeat(item, random.Next(1, 4))).OrderBy(_ => random.Next()).ToList();
        var batches = new ConcurrentQueue<object[]>();
        for (var start = 0; start < sends.Count;)
        {
            var size = Math.Min(random.Next(1, 21), sends.Count - start);
            batches.Enqueue([.. sends.Skip(start).Take(size)]);
            start += size;
        }

        var results = new ConcurrentBag<EventResult>();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (batches.TryDequeue(out var batch))
            {
                var response = await http.Post(batch);
                response.EnsureSuccessStatusCode();
                foreach (var result in (await response.Content.ReadFromJsonAsync<IngestResult>(Json.Options))!.Results)
                {
                    results.Add(result);
                }
            }
        })));
        return [.. results];
    }
}
