using Switchboard.Api.Auth;
using Switchboard.Api.Middleware;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Voicemail;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Voicemail;
using Switchboard.Storage.Content;

namespace Switchboard.Api.Interactions;

// /v1/interactions/{interactionId}/voicemail, /recording and /call-back: a voicemail, its audio, and calling the caller back.
public static partial class InteractionsApi
{
    private static void MapVoicemail(RouteGroupBuilder interaction)
    {
        interaction.MapGet("/voicemail", GetVoicemail)
            .WithName("GetVoicemail")
            .WithSummary("Read a voicemail")
            .WithDescription("The carrier's call id, the message's length, and its recording once uploaded (type as its header shows, size). " +
                "404 for an interaction that is not a voicemail. An agent key reads the voicemail its agent is or was part of.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        interaction.MapPut("/recording", UploadRecording)
            .RequireAuthorization(Policies.Telephony)
            .Accepts<Stream>(AudioFormats.Wav, AudioFormats.Mpeg, AudioFormats.Ogg)
            .WithMetadata(new BodyLimit(VoicemailRules.MaxRecordingBytes))
            .WithName("UploadVoicemailRecording")
            .WithSummary("Upload a voicemail's audio (carrier)")
            .WithDescription($"The recording of a voicemail reported with voicemail.recorded: WAV, MP3 or Ogg, up to {VoicemailRules.MaxRecordingBytes / (1024 * 1024)} MB, " +
                "streamed to the content store. Its type is read from its first bytes, never taken from its name or Content-Type (anything " +
                "else: 415). Uploading again replaces it. 409 for an interaction that is not a voicemail. Integration and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType);

        interaction.MapGet("/recording", GetRecording)
            .WithName("GetVoicemailRecording")
            .WithSummary("Listen to a voicemail")
            .WithDescription("The audio, with Range requests answered 206 (players seek). 404 while it is not uploaded, or past retention. " +
                "Readers as for the voicemail.")
            .Produces<Stream>(StatusCodes.Status200OK, AudioFormats.Wav, AudioFormats.Mpeg, AudioFormats.Ogg)
            .Produces<Stream>(StatusCodes.Status206PartialContent, AudioFormats.Wav, AudioFormats.Mpeg, AudioFormats.Ogg)
            .Produces(StatusCodes.Status416RangeNotSatisfiable)
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        interaction.MapPost("/call-back", CallBack)
            .WithName("CallBackVoicemail")
            .WithSummary("Call a voicemail's caller back")
            .WithDescription("The agent who has the voicemail (accepted, not ended) calls the number that left it: a new outbound call of that " +
                "agent, with the voicemail's customer and case and relatedInteractionId naming the voicemail (201). 409 when it is not a " +
                "voicemail in the agent's hands or the agent cannot take a call now." + ActorNote)
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<VoicemailResponse>, ProblemHttpResult>> GetVoicemail(string interactionId, [AsParameters] TenantContext tenant)
    {
        var (voicemail, refusal) = await ReadVoicemail(interactionId, tenant);
        return refusal ?? (Results<Ok<VoicemailResponse>, ProblemHttpResult>)TypedResults.Ok(VoicemailResponse.From(voicemail!));
    }

    private static async Task<Results<Ok<VoicemailResponse>, ProblemHttpResult>> UploadRecording(
        string interactionId, HttpRequest request, IContentStore content, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Interaction(interactionId).Get(tenant.CancellationToken) is not { } view)
        {
            return NotFound(interactionId);
        }

        var voicemail = tenant.Grains.GetGrain<IVoicemailGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId));
        if (view.Media != MediaType.Voicemail || await voicemail.Get(tenant.CancellationToken) is null)
        {
            return ApiProblems.Conflict($"Interaction '{interactionId}' is not a voicemail: only voicemail has a recording to upload.");
        }

        var header = new byte[AudioFormats.HeaderLength];
        var read = await request.Body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, tenant.CancellationToken);
        if (AudioFormats.Sniff(header.AsSpan(0, read)) is not { } type)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "The recording is not WAV, MP3 or Ogg audio (judged by its first bytes).");
        }

        var name = ContentNames.OfInteraction(view.CreatedAt, tenant.TenantId, interactionId, "recording");
        await using var body = new PrefixedStream(header.AsMemory(0, read), request.Body);
        var size = await content.PutAsync(name, body, type, tenant.CancellationToken);
        var kept = await voicemail.SetRecording(new Recording(name, type, size, Http.BusinessTime.Now(tenant.Http)), tenant.CancellationToken);
        return TypedResults.Ok(VoicemailResponse.From(kept!));
    }

    private static async Task<IResult> GetRecording(string interactionId, IContentStore content, [AsParameters] TenantContext tenant)
    {
        var (voicemail, refusal) = await ReadVoicemail(interactionId, tenant);
        if (refusal is not null)
        {
            return refusal;
        }

        if (voicemail!.Recording is not { } recording)
        {
            return ApiProblems.NotFound($"Voicemail '{interactionId}' has no recording yet: the carrier has not uploaded it.");
        }

        if (await content.OpenAsync(recording.ContentName, tenant.CancellationToken) is not { } stream)
        {
            return ApiProblems.NotFound($"The recording of voicemail '{interactionId}' is no longer kept (past retention).");
        }

        SafeDownload.Mark(tenant.Http.Response);
        return TypedResults.Stream(stream, recording.ContentType, enableRangeProcessing: true);
    }

    private static async Task<Results<Created<InteractionResponse>, ProblemHttpResult>> CallBack(
        string interactionId, InteractionActorRequest? request, [AsParameters] TenantContext tenant)
    {
        if (Actor(tenant.Caller, request?.AgentId, out var agentId) is { } refused)
        {
            return refused;
        }

        if (await tenant.Interaction(interactionId).Get(tenant.CancellationToken) is not { } view)
        {
            return NotFound(interactionId);
        }

        if (HandledWork.Refusal(interactionId, view.Media, view.State, view.Handler, MediaType.Voicemail, agentId, "be called back") is { } refusal)
        {
            return refusal.Kind == DecisionKind.NotParticipant ? ApiProblems.Forbidden(refusal.Detail) : ApiProblems.Conflict(refusal.Detail);
        }

        var call = new CreateInteraction(MediaType.Voice, InteractionDirection.Outbound, null, agentId, null, view.From, CreateInteractionRequest.DefaultPriority,
            $"agent:{agentId}", Customer: view.Customer, RelatedInteractionId: interactionId);
        return await CreateAsync(tenant, NewId(), call);
    }

    /// <summary>The voicemail, or why the caller may not read it: an agent reads the voicemail it is or was part of.</summary>
    private static async Task<(VoicemailMessage? Voicemail, ProblemHttpResult? Refusal)> ReadVoicemail(string interactionId, TenantContext tenant)
    {
        if ((await Readable(interactionId, tenant)).Refusal is { } refusal)
        {
            return (null, refusal);
        }

        var voicemail = await tenant.Grains.GetGrain<IVoicemailGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId)).Get(tenant.CancellationToken);
        return voicemail is null ? (null, ApiProblems.NotFound($"Interaction '{interactionId}' is not a voicemail.")) : (voicemail, null);
    }
}
