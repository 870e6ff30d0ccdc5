namespace Switchboard.Api.Client.Tests.Support;

/// <summary>Reading until a condition holds: offers and agent effects happen after the request that caused them has returned.</summary>
public static class Eventually
{
    private const int Checks = 500;

    public static async Task<T> ReadUntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var last = default(T);
        for (var i = 0; i < Checks; i++)
        {
            last = await read();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Never {what}; last read: {System.Text.Json.JsonSerializer.Serialize(last)}");
        return last!;
    }
}
