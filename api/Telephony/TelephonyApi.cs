using Switchboard.Api.Auth;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Switchboard.Api.Interactions;
using Switchboard.Api.Middleware;
using Switchboard.Storage.Content;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Voicemail;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Voicemail;

namespace Switchboard.Api.Telephony;

/// <summary><c>/v1/telephony/events</c>: call-leg events a carrier (or a gateway in front of one) reports.</summary>
public static class TelephonyApi
{
    public static RouteGroupBuilder MapTelephonyApi(this RouteGroupBuilder v1)
    {
        var telephony = v1.MapGroup("/telephony").WithTags("Telephony").RequireAuthorization(Policies.Telephony);

        telephony.MapPost("/events", ReportEvent)
            .WithName("ReportTelephonyEvent")
            .WithSummary("Report a call-leg event or a voicemail")
            .WithDescription("type leg (the default): a leg of an interaction was answered, ended (the party hung up) or failed (busy, no " +
                "answer, unreachable); 200 with the interaction as it is now; a repeated event changes nothing. Unknown interaction: 404; " +
                "unknown leg: 422; a call verifying an agent's phone (interactionId pv_…): 204. type voicemail.recorded: a caller left a message; 201 with the voicemail interaction, queued in its " +
                "voicemail queue (or offered to agentId) like a call, its id named after callId (the same callId again: 200 with it). " +
                "Upload its audio with PUT /v1/interactions/{id}/recording. Integration and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        telephony.MapPost("/voicemails", ReceiveVoicemail)
            .Accepts<VoicemailUpload>("multipart/form-data")
            .WithMetadata(new BodyLimit(VoicemailRules.MaxRecordingBytes + MultipartOverhead))
            .WithName("ReceiveVoicemail")
            .WithSummary("Report a voicemail with its audio in one request")
            .WithDescription("multipart/form-data: event (application/json, the fields of a voicemail.recorded event: callId, queueId or agentId, " +
                "from, durationSeconds), then recording (WAV, MP3 or Ogg, up to 20 MB, judged by its first bytes). The audio is kept before the " +
                "voicemail is queued, so nobody is offered one they cannot hear; a refused request keeps nothing. 201 with the voicemail " +
                "interaction, 200 for a callId seen before (its recording replaced). Integration and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        telephony.MapPost("/simulator/voicemails", SimulateVoicemail)
            .WithName("SimulateVoicemail")
            .WithSummary("Have a simulated caller leave a voicemail")
            .WithDescription("With the built-in telephony simulator (Telephony:Mode Simulator, the default): a caller leaves a message, " +
                "reported as a carrier would report it (a voicemail.recorded event with its audio, here a generated WAV tone as long as " +
                $"the message, at most {SimulatedAudio.MaxSeconds} s of sound) for queueId or agentId. 201 with the voicemail interaction; " +
                "409 with a carrier. Integration and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        return telephony;
    }

    private static async Task<Results<Ok<InteractionResponse>, Created<InteractionResponse>, NoContent, ProblemHttpResult>> SimulateVoicemail(
        SimulatedVoicemailRequest request, IContentStore content, IConfiguration configuration, [AsParameters] TenantContext tenant)
    {
        if (string.Equals(configuration["Telephony:Mode"], "Carrier", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Conflict("Telephony:Mode is Carrier: the carrier reports voicemails (POST /v1/telephony/voicemails); the simulator leaves none.");
        }

        var callId = "sim-" + Guid.NewGuid().ToString("N");
        var voicemail = request.ToEvent(callId);
        var audio = SimulatedAudio.Tone(Math.Min(voicemail.DurationSeconds!.Value, SimulatedAudio.MaxSeconds));
        var stored = ContentNames.OfInteraction(BusinessTime.Now(tenant.Http), tenant.TenantId, VoicemailRules.InteractionIdFor(callId), "recording");
        long size;
        await using (var body = new MemoryStream(audio, writable: false))
        {
            size = await content.PutAsync(stored, body, AudioFormats.Wav, tenant.CancellationToken);
        }

        var kept = false;
        try
        {
            var answer = await RecordVoicemail(voicemail, tenant, new Recording(stored, AudioFormats.Wav, size, BusinessTime.Now(tenant.Http)));
            kept = answer.Result is not ProblemHttpResult;
            return answer;
        }
        finally
        {
            if (!kept)
            {
                await content.DeleteAsync(stored, CancellationToken.None);
            }
        }
    }

    /// <summary>Room for a multipart body's boundaries, headers and event beside its audio.</summary>
    private const int MultipartOverhead = 64 * 1024;

    /// <summary>Characters of a voicemail's event part.</summary>
    private const int MaxEventLength = 4_096;

    private static async Task<Results<Ok<InteractionResponse>, Created<InteractionResponse>, NoContent, ProblemHttpResult>> ReceiveVoicemail(
        HttpRequest request, IContentStore content, IOptions<JsonOptions> json, [AsParameters] TenantContext tenant)
    {
        if (MultipartUploads.BoundaryOf(request) is not { } boundary)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Send multipart/form-data with event, then recording.");
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = VoicemailRules.MaxRecordingBytes };
        string? stored = null;
        try
        {
            if (await reader.NextAsync(tenant.CancellationToken) is not { } first || MultipartUploads.FieldOf(first) != "event")
            {
                return ApiProblems.Invalid("event", "The first part must be event: the voicemail.recorded event as JSON.");
            }

            TelephonyEventRequest? reported;
            try
            {
                var text = await MultipartUploads.ReadTextAsync(first, MaxEventLength, tenant.CancellationToken);
                if (text.Length > MaxEventLength)
                {
                    return ApiProblems.BadRequest($"The event part is longer than {MaxEventLength:N0} characters.");
                }

                reported = JsonSerializer.Deserialize<TelephonyEventRequest>(text, json.Value.SerializerOptions);
            }
            catch (JsonException failure)
            {
                return ApiProblems.BadRequest($"The event part is not valid JSON for a voicemail.recorded event: {failure.Message}");
            }

            var voicemail = (reported ?? new TelephonyEventRequest(null, null, null, null)) with { Type = TelephonyEventRequest.VoicemailRecorded };
            var errors = new ValidationErrors();
            voicemail.Validate(errors);
            if (errors.HasErrors)
            {
                return ApiProblems.Invalid(errors);
            }

            if (await reader.NextAsync(tenant.CancellationToken) is not { } audio || MultipartUploads.FieldOf(audio) != "recording")
            {
                return ApiProblems.Invalid("recording", "The second part must be recording: the message's audio.");
            }

            var header = new byte[AudioFormats.HeaderLength];
            var recordingBody = new PrefixedStream(ReadOnlyMemory<byte>.Empty, audio.Body);
            var read = await recordingBody.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, tenant.CancellationToken);
            if (AudioFormats.Sniff(header.AsSpan(0, read)) is not { } audioType)
            {
                return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "The recording is not WAV, MP3 or Ogg audio (judged by its first bytes).");
            }

            var id = VoicemailRules.InteractionIdFor(voicemail.CallId!);
            var createdAt = (await tenant.Interaction(id).Get(tenant.CancellationToken))?.CreatedAt ?? BusinessTime.Now(tenant.Http);
            stored = ContentNames.OfInteraction(createdAt, tenant.TenantId, id, "recording");
            long size;
            await using (var body = new PrefixedStream(header.AsMemory(0, read), recordingBody))
            {
                size = await content.PutAsync(stored, body, audioType, tenant.CancellationToken);
            }

            if (await reader.NextAsync(tenant.CancellationToken) is not null)
            {
                await content.DeleteAsync(stored, CancellationToken.None);
                return ApiProblems.Invalid("recording", "Send two parts only: event, then recording.");
            }

            var answer = await RecordVoicemail(voicemail, tenant, new Recording(stored, audioType, size, BusinessTime.Now(tenant.Http)));
            if (answer.Result is ProblemHttpResult)
            {
                await content.DeleteAsync(stored, CancellationToken.None);
            }

            return answer;
        }
        catch (InvalidDataException)
        {
            if (stored is not null)
            {
                await content.DeleteAsync(stored, CancellationToken.None);
            }

            return ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, $"A recording is at most {VoicemailRules.MaxRecordingBytes / (1024 * 1024)} MB.");
        }
    }

    private static async Task<Results<Ok<InteractionResponse>, Created<InteractionResponse>, NoContent, ProblemHttpResult>> ReportEvent(
        TelephonyEventRequest request, [AsParameters] TenantContext tenant)
    {
        if (request.IsVoicemail)
        {
            return await RecordVoicemail(request, tenant);
        }

        var interactionId = request.InteractionId!;
        if (AgentDevices.IsVerificationCall(interactionId))
        {
            // The call that verifies an agent's phone: reported like any leg, it answers nothing but 204.
            return await tenant.Grains.GetGrain<IPhoneVerificationCallGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId))
                .ReportLeg(request.LegId!, request.Event!.Value, tenant.CancellationToken)
                ? TypedResults.NoContent()
                : ApiProblems.NotFound($"There is no verification call '{interactionId}' with leg '{request.LegId}'.");
        }

        var result = await tenant.Interaction(interactionId).ReportLeg(request.LegId!, request.Event!.Value, tenant.CancellationToken);
        return result.Outcome is InteractionOutcome.Applied or InteractionOutcome.Unchanged && result.Interaction is { } view
            ? TypedResults.Ok(InteractionResponse.FromView(view))
            : InteractionsApi.Problem(result, interactionId);
    }

    /// <summary>A voicemail becomes an interaction named after its call, kept with its length before it is queued.</summary>
    private static async Task<Results<Ok<InteractionResponse>, Created<InteractionResponse>, NoContent, ProblemHttpResult>> RecordVoicemail(
        TelephonyEventRequest request, TenantContext tenant, Recording? recording = null)
    {
        var errors = new ValidationErrors();
        if (request.QueueId is { } queueId)
        {
            var queue = await tenant.Queue(queueId).Get(tenant.CancellationToken);
            if (errors.Check(queue is not null, "queueId", $"Queue '{queueId}' does not exist."))
            {
                errors.Check(queue!.Config.Media == MediaType.Voicemail, "queueId", $"Queue '{queueId}' carries {WireNames.Of(queue.Config.Media)}, not voicemail.");
            }
        }
        else
        {
            errors.Check(await tenant.Agent(request.AgentId!).Get(tenant.CancellationToken) is not null, "agentId", $"Agent '{request.AgentId}' does not exist.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var id = VoicemailRules.InteractionIdFor(request.CallId!);
        var interaction = tenant.Interaction(id);
        var voicemail = tenant.Grains.GetGrain<IVoicemailGrain>(GrainKeys.Interaction(tenant.TenantId, id));
        if (await interaction.Get(tenant.CancellationToken) is { } existing)
        {
            if (recording is not null)
            {
                await voicemail.SetRecording(recording, tenant.CancellationToken);
            }

            return TypedResults.Ok(InteractionResponse.FromView(existing));
        }

        // Kept before the interaction exists: whoever is offered it finds its length, and its audio when it came with it.
        await voicemail.Record(request.CallId!, request.DurationSeconds!.Value, tenant.CancellationToken);
        if (recording is not null)
        {
            await voicemail.SetRecording(recording, tenant.CancellationToken);
        }

        var result = await interaction.Create(
            new CreateInteraction(MediaType.Voicemail, InteractionDirection.Inbound, request.QueueId, request.AgentId, request.From, null,
                CreateInteractionRequest.DefaultPriority, $"api:{tenant.Caller.KeyId}"),
            tenant.CancellationToken);
        return result.Outcome switch
        {
            InteractionOutcome.Applied => TypedResults.Created($"/v1/interactions/{id}", InteractionResponse.FromView(result.Interaction!)),
            InteractionOutcome.AlreadyExists => TypedResults.Ok(InteractionResponse.FromView(result.Interaction!)),
            _ => InteractionsApi.Problem(result, id),
        };
    }
}
