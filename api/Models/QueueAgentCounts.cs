namespace Switchboard.Api.Models;

/// <summary>How many of a queue's members are in each state.</summary>
public sealed record QueueAgentCounts(int Available, int Busy, int WrapUp, int Offline, int Break, int LoggedOut, int Total);
