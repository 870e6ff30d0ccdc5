namespace Switchboard.Api.Models;

/// <summary>A platform-change notice.</summary>
/// <param name="Message">Required; 1-2,000 characters, may span lines.</param>
/// <param name="Final">true for the final notice: every agent logged in must then log out within the configured minutes (default ten).</param>
public sealed record PlatformNoticeRequest(string? Message, bool? Final);
