using System.Text.Json;
using Dashboard.Contracts.Push;
using Dashboard.Web.Push;
using MessagePack;

namespace Dashboard.Web.Tests;

public sealed class JsonShapedMessagePackTests
{
    private static readonly MessagePackSerializerOptions Options = JsonShapedResolver.Options(JsonSerializerOptions.Web);

    [Fact]
    public void An_update_goes_as_the_MessagePack_twin_of_its_JSON_and_reads_back_as_that_JSON()
    {
        var update = new DashboardUpdate("city", 7, DateTimeOffset.Parse("2026-12-06T08:00:00+08:00"),
            new { ElderlyCare = new { Occupants = 3409, OccupancyRate = 41.4 }, Counties = new[] { new { Code = "441802", Demo = true, Rescue = (object?)null } } });

        var bytes = MessagePackSerializer.Serialize<object>(update, Options);

        var read = MessagePackSerializer.Deserialize<JsonElement>(bytes, Options);
        Assert.True(JsonElement.DeepEquals(JsonSerializer.SerializeToElement(update, JsonSerializerOptions.Web), read), read.ToString());
        Assert.Equal("""{"key":"city","version":7,"asOf":"2026-12-06T08:00:00+08:00","data":{"elderlyCare":{"occupants":3409,"occupancyRate":41.4},"counties":[{"code":"441802","demo":true,"rescue":null}]}}""",
            MessagePackSerializer.ConvertToJson(bytes));
    }

    [Fact]
    public void Arrays_nested_deeper_than_untrusted_data_may_go_are_refused()
    {
        byte[] bomb = [.. Enumerable.Repeat((byte)0x91, 600), 0x90];

        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize<JsonElement>(bomb, Options));
    }
}
