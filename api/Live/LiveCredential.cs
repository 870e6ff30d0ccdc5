namespace Switchboard.Api.Live;

/// <summary>
/// What opened a socket (an API key, a customer token), checked again on every heartbeat: once
/// <see cref="StillValid"/> says no, the socket closes with <see cref="CloseCode"/> and <see cref="CloseReason"/>.
/// </summary>
public sealed record LiveCredential(Func<CancellationToken, Task<bool>> StillValid, int CloseCode, string CloseReason);
