using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Agents;

/// <summary>The parts of a recording upload (multipart/form-data).</summary>
/// <param name="Name">What the recording is, 1-100 characters.</param>
/// <param name="File">The audio: WAV, MP3 or Ogg, up to 5 MB.</param>
public sealed record RecordingUpload(string Name, IFormFile File);

/// <summary>One of an agent's recordings.</summary>
/// <param name="Id">Its id (GET …/recordings/{id}/content plays it).</param>
/// <param name="Name">What it is.</param>
/// <param name="ContentType">audio/wav, audio/mpeg or audio/ogg, as its first bytes show.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
/// <param name="Greeting">Whether callers hear it as the agent's greeting.</param>
[WireExample("""{"id":"r_4f2a9c0d1e2b3a4c","name":"Saluto","contentType":"audio/mpeg","size":48213,"createdAt":"2026-11-25T09:00:00+00:00","greeting":true}""")]
public sealed record AgentRecordingResponse(string Id, string Name, string ContentType, long Size, DateTimeOffset CreatedAt, bool Greeting)
{
    public static AgentRecordingResponse From(AgentRecording r, bool greeting) => new(r.Id, r.Name, r.ContentType, r.Size, r.CreatedAt, greeting);
}

/// <summary>An agent's recordings, newest first, and its greeting.</summary>
/// <param name="Items">The recordings.</param>
/// <param name="GreetingId">The one callers hear as the agent's greeting; null: none.</param>
public sealed record AgentRecordingListResponse(IReadOnlyList<AgentRecordingResponse> Items, string? GreetingId);

/// <summary>The greeting to play to the agent's callers.</summary>
/// <param name="RecordingId">One of the agent's recordings, or null for none.</param>
[WireExample("""{"recordingId":"r_4f2a9c0d1e2b3a4c"}""")]
public sealed record AgentGreetingRequest(string? RecordingId) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        if (RecordingId is not null)
        {
            errors.Check(Identifiers.IsValidId(RecordingId), "recordingId", "recordingId must be a recording id from GET …/recordings, or null.");
        }
    }
}

/// <summary>The greeting chosen.</summary>
/// <param name="RecordingId">The recording callers hear; null: none.</param>
public sealed record AgentGreetingResponse(string? RecordingId);
