using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Api.Auth;
using Switchboard.Api.Http;
using Switchboard.Api.Middleware;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Voicemail;
using Switchboard.Storage.Content;

namespace Switchboard.Api.Agents;

/// <summary>
/// <c>/v1/agents/{agentId}/recordings</c> and <c>/greeting</c>: an agent's own recordings (uploaded audio, judged by its
/// first bytes) and the one its callers hear as its greeting.
/// </summary>
public static class AgentRecordingsApi
{
    /// <summary>Room for a multipart body's boundaries, headers and name beside its file.</summary>
    private const int MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapAgentRecordingsApi(this RouteGroupBuilder v1)
    {
        var agent = v1.MapGroup("/agents/{agentId}").WithTags("Agents").RequireAuthorization(Policies.AgentScope);

        agent.MapPost("/recordings", Upload)
            .RequireAuthorization(Policies.Staff)
            .Accepts<RecordingUpload>("multipart/form-data")
            .WithMetadata(new BodyLimit(AgentRecordingRules.MaxBytes + MultipartOverhead))
            .WithName("UploadAgentRecording")
            .WithSummary("Upload a recording")
            .WithDescription($"multipart/form-data with name (1-{AgentRecordingRules.MaxNameLength} characters) and file: WAV, MP3 or Ogg audio up to " +
                $"{AgentRecordingRules.MaxBytes / (1024 * 1024)} MB, its type read from its first bytes (anything else: 415). An agent keeps at most " +
                $"{AgentRecordingRules.MaxRecordings} (409 beyond). The agent itself, supervisors and admins.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        agent.MapGet("/recordings", List)
            .WithName("ListAgentRecordings")
            .WithSummary("List an agent's recordings")
            .WithDescription("Newest first, with the one chosen as greeting.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        agent.MapGet("/recordings/{recordingId}/content", Content)
            .WithName("GetAgentRecordingContent")
            .WithSummary("Play a recording")
            .WithDescription("The audio, with Range requests answered 206. Integration keys read it too (a carrier fetching the greeting).")
            .Produces<Stream>(StatusCodes.Status200OK, AudioFormats.Wav, AudioFormats.Mpeg, AudioFormats.Ogg)
            .Produces<Stream>(StatusCodes.Status206PartialContent, AudioFormats.Wav, AudioFormats.Mpeg, AudioFormats.Ogg)
            .Produces(StatusCodes.Status416RangeNotSatisfiable)
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        agent.MapDelete("/recordings/{recordingId}", Delete)
            .RequireAuthorization(Policies.Staff)
            .WithName("DeleteAgentRecording")
            .WithSummary("Delete a recording")
            .WithDescription("Its audio too; when it was the greeting, the agent has none afterwards.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        agent.MapPut("/greeting", SetGreeting)
            .RequireAuthorization(Policies.Staff)
            .WithName("SetAgentGreeting")
            .WithSummary("Choose the greeting")
            .WithDescription("The recording callers hear from this agent (null: none); sent to the telephony gateway with the agent's calls " +
                "(telephony.dial's greeting in carrier mode).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        return agent;
    }

    private static async Task<Results<Created<AgentRecordingResponse>, ProblemHttpResult>> Upload(
        string agentId, HttpRequest request, IContentStore content, [AsParameters] TenantContext tenant)
    {
        if (MultipartUploads.BoundaryOf(request) is not { } boundary)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Send multipart/form-data with name and file.");
        }

        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return AgentMissing(agentId);
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = AgentRecordingRules.MaxBytes };
        string? name = null;
        AgentRecording? stored = null;
        var kept = false;
        var errors = new ValidationErrors();
        try
        {
            while (await reader.NextAsync(tenant.CancellationToken) is { } section)
            {
                var field = MultipartUploads.FieldOf(section);
                switch (field)
                {
                    case "name" when name is null:
                        name = await MultipartUploads.ReadTextAsync(section, AgentRecordingRules.MaxNameLength, tenant.CancellationToken);
                        break;
                    case "file" when stored is null:
                        var header = new byte[AudioFormats.HeaderLength];
                        var body = new PrefixedStream(ReadOnlyMemory<byte>.Empty, section.Body);
                        var read = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, tenant.CancellationToken);
                        if (AudioFormats.Sniff(header.AsSpan(0, read)) is not { } audio)
                        {
                            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "The file is not WAV, MP3 or Ogg audio (judged by its first bytes).");
                        }

                        var id = "r_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
                        var contentName = ContentNames.OfAgent(tenant.TenantId, agentId, id);
                        stored = new AgentRecording(id, "", audio, 0, BusinessTime.Now(tenant.Http), contentName);
                        await using (var upload = new PrefixedStream(header.AsMemory(0, read), body))
                        {
                            stored = stored with { Size = await content.PutAsync(contentName, upload, audio, tenant.CancellationToken) };
                        }

                        break;
                    default:
                        errors.Add(field ?? "file", field is null
                            ? "Every part must be form-data with a name: name or file."
                            : $"'{RouteIds.Printable(field)}' is not a field of this upload, or is given twice: send name and file once each.");
                        break;
                }
            }

            errors.Check(stored is not null, "file", "file is required: the recording's audio.");
            errors.Check(Identifiers.IsValidText(name, AgentRecordingRules.MaxNameLength), "name",
                $"name is required: 1-{AgentRecordingRules.MaxNameLength} characters on one line.");
            if (errors.HasErrors)
            {
                return ApiProblems.Invalid(errors);
            }

            var recording = stored! with { Name = name!.Trim() };
            if (!await Recordings(tenant, agentId).Add(recording, tenant.CancellationToken))
            {
                return ApiProblems.Conflict($"Agent '{agentId}' keeps {AgentRecordingRules.MaxRecordings} recordings, as many as it may: delete one first.");
            }

            kept = true;
            return TypedResults.Created($"/v1/agents/{agentId}/recordings/{recording.Id}/content", AgentRecordingResponse.From(recording, false));
        }
        catch (InvalidDataException)
        {
            return ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, $"A recording is at most {AgentRecordingRules.MaxBytes / (1024 * 1024)} MB.");
        }
        finally
        {
            // Audio of an upload that was refused, or failed on the way, is not kept: nothing else would ever delete it.
            if (!kept && stored is not null)
            {
                await content.DeleteAsync(stored.ContentName, CancellationToken.None);
            }
        }
    }

    private static async Task<Results<Ok<AgentRecordingListResponse>, ProblemHttpResult>> List(string agentId, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return AgentMissing(agentId);
        }

        var list = await Recordings(tenant, agentId).List(tenant.CancellationToken);
        return TypedResults.Ok(new AgentRecordingListResponse([.. list.Recordings.Select(r => AgentRecordingResponse.From(r, r.Id == list.GreetingId))], list.GreetingId));
    }

    private static async Task<IResult> Content(string agentId, string recordingId, IContentStore content, [AsParameters] TenantContext tenant)
    {
        var list = await Recordings(tenant, agentId).List(tenant.CancellationToken);
        if (list.Recordings.FirstOrDefault(r => r.Id == recordingId) is not { } recording
            || await content.OpenAsync(recording.ContentName, tenant.CancellationToken) is not { } stream)
        {
            return RecordingMissing(agentId, recordingId);
        }

        SafeDownload.Mark(tenant.Http.Response);
        return TypedResults.Stream(stream, recording.ContentType, enableRangeProcessing: true);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string agentId, string recordingId, IContentStore content, [AsParameters] TenantContext tenant)
    {
        if (await Recordings(tenant, agentId).Remove(recordingId, tenant.CancellationToken) is not { } removed)
        {
            return RecordingMissing(agentId, recordingId);
        }

        await content.DeleteAsync(removed.ContentName, tenant.CancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AgentGreetingResponse>, ProblemHttpResult>> SetGreeting(string agentId, AgentGreetingRequest request, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return AgentMissing(agentId);
        }

        return await Recordings(tenant, agentId).SetGreeting(request.RecordingId, tenant.CancellationToken)
            ? TypedResults.Ok(new AgentGreetingResponse(request.RecordingId))
            : ApiProblems.Invalid("recordingId", $"Agent '{agentId}' has no recording '{request.RecordingId}'.");
    }

    private static IAgentRecordingsGrain Recordings(TenantContext tenant, string agentId) =>
        tenant.Grains.GetGrain<IAgentRecordingsGrain>(GrainKeys.Agent(tenant.TenantId, agentId));

    private static ProblemHttpResult AgentMissing(string agentId) => ApiProblems.NotFound($"Agent '{agentId}' does not exist.");

    private static ProblemHttpResult RecordingMissing(string agentId, string recordingId) =>
        ApiProblems.NotFound($"Agent '{agentId}' has no recording '{recordingId}'.");
}
