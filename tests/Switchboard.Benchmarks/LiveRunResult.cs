namespace Switchboard.Benchmarks;

/// <summary>One live fan-out run: latency from the change request to each socket, and messages delivered per second.</summary>
public sealed record LiveRunResult(
    string Target,
    int Sockets,
    int Changes,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double TriggerP50Ms,
    double MessagesPerSecond,
    double ConnectSeconds);
