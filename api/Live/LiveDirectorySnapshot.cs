using Switchboard.Api.StatusView;

namespace Switchboard.Api.Live;

/// <summary>Snapshot of <c>directory</c>: the agents of the caller's group (agent keys) or of the tenant, with their icons.</summary>
public sealed record LiveDirectorySnapshot(IReadOnlyList<DirectoryAgent> Agents);
