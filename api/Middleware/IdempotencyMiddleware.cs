using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Idempotency;
using Microsoft.Extensions.Primitives;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Middleware;

/// <summary>
/// <c>Idempotency-Key</c> on POSTs: the same key with the same request gets the first response again
/// (marked <c>Idempotent-Replayed: true</c>); the same key with another request is a 422. Keys are per API key (so one
/// caller can never read another's response) and kept for 24 hours. Runs after authorization, so only requests the
/// caller may make are remembered. Responses carrying a secret are never stored (<see cref="ShowsSecretOnce"/>).
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IGrainFactory grains)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    private static readonly object RecordItem = new();

    /// <summary>
    /// What names this request under its Idempotency-Key (the key's record, the use of the key it belongs to, and the
    /// request's fingerprint), or null without one: an endpoint that makes an id can derive it from this, so a retry after
    /// an answer that was lost reaches what the first attempt made instead of making another.
    /// </summary>
    public static string? RecordOf(HttpContext context) => context.Items.TryGetValue(RecordItem, out var record) ? record as string : null;

    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Headers.TryGetValue(HeaderName, out var values)
        && RecordKey(context.User) is { } recordKey
            ? InvokeWithKeyAsync(context, values, recordKey)
            : next(context); // most requests: no state machine of ours around the rest of the pipeline

    private async Task InvokeWithKeyAsync(HttpContext context, StringValues values, Func<string, string> recordKey)
    {
        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status400BadRequest,
                $"{HeaderName} must be one value of 1-{MaxKeyLength} visible ASCII characters.");
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var recordId = recordKey(ApiKeyFormat.Hash(key));
        var record = grains.GetGrain<IIdempotencyKeyGrain>(recordId);
        var decision = await record.Begin(fingerprint, context.RequestAborted);
        switch (decision.Outcome)
        {
            case IdempotencyOutcome.Replay:
                await ReplayAsync(context, decision.Response!);
                return;
            case IdempotencyOutcome.Mismatch:
                await ProblemWriter.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                    $"This {HeaderName} was used with a different request; use a new key for a new request.");
                return;
            case IdempotencyOutcome.InProgress:
                await ProblemWriter.WriteAsync(context, StatusCodes.Status409Conflict,
                    $"A request with this {HeaderName} is still being processed; retry shortly.");
                return;
        }

        context.Items[RecordItem] = $"{recordId}\n{decision.UsedSince.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{fingerprint}";
        var redact = context.GetEndpoint()?.Metadata.GetMetadata<ShowsSecretOnce>() is not null;
        await RunAndRememberAsync(context, record, fingerprint, redact);
    }

    private async Task RunAndRememberAsync(HttpContext context, IIdempotencyKeyGrain record, string fingerprint, bool redact)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await record.Abandon(fingerprint);
            throw;
        }

        context.Response.Body = original;
        var response = context.Response;
        if (response.StatusCode < StatusCodes.Status500InternalServerError)
        {
            var location = response.Headers.Location.ToString() is { Length: > 0 } value ? value : null;
            var keep = redact && response.StatusCode < StatusCodes.Status300MultipleChoices;
            await record.Complete(fingerprint, keep
                ? new StoredResponse(response.StatusCode, null, location, [], Redacted: true)
                : new StoredResponse(response.StatusCode, response.ContentType, location, buffer.ToArray()));
        }
        else
        {
            await record.Abandon(fingerprint);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        if (stored.Redacted)
        {
            // The first response held a secret that is shown once: say it was done and where, never what.
            response.Headers[ReplayedHeader] = "true";
            if (stored.Location is not null)
            {
                response.Headers.Location = stored.Location;
            }

            await ProblemWriter.WriteAsync(context, StatusCodes.Status409Conflict,
                $"This request was already carried out{(stored.Location is null ? "" : $" ({stored.Location})")}; its secret was shown once " +
                "and is not stored. Revoke it and make a new request if it was lost.");
            return;
        }

        response.StatusCode = stored.Status;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>SHA-256 over method, path, query and body; the body is buffered so the endpoint can still read it.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Where the keys a caller sends are remembered: per tenant API key, or the operator's; null for anyone else.</summary>
    private static Func<string, string>? RecordKey(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.Tenant) is { } tenant && user.FindFirstValue(ClaimNames.KeyId) is { } keyId
            ? hash => GrainKeys.Idempotency(tenant, keyId, hash)
            : user.IsInRole(Roles.Operator) ? GrainKeys.OperatorIdempotency : null;
}
