using System.Globalization;
using System.Security.Cryptography;
using Switchboard.Contracts;
using Switchboard.Contracts.Cobrowse;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// Co-browse sessions: decided by <see cref="CobrowseSteps"/> like every change; a new session's join code is issued
/// (stored in its own grain, the customer's only way in) before the session is stored, so no answer ever names a code
/// that does not work. The call goes one way (interaction → code), so it can never wait on itself.
/// </summary>
public sealed partial class InteractionGrain
{
    /// <summary>Codes tried before giving up: with a million codes and ten minutes each, one collision is already rare.</summary>
    private const int CodeTries = 20;

    private const string SessionIdPrefix = "cb_";

    public async Task<CobrowseResult> StartCobrowse(string? agentId, string actor, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return CobrowseNotFound();
        }

        var sessionId = SessionIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var decision = InteractionMachine.Decide(record, new StartCobrowse(agentId, sessionId, actor), time.GetUtcNow());
        if (!decision.Applied)
        {
            return CobrowseAnswer(decision, null);
        }

        var session = decision.Record.Cobrowse.Single(s => s.SessionId == sessionId);
        var code = await IssueCode(new CobrowseCodeTarget(tenantId, interactionId, sessionId, session.ExpiresAt), cancellationToken);
        await Commit(decision);
        InteractionLog.CobrowseStarted(logger, tenantId, interactionId, sessionId);
        return CobrowseAnswer(decision, sessionId) with { JoinCode = code };
    }

    public async Task<CobrowseResult> JoinCobrowse(string sessionId, CancellationToken cancellationToken = default) =>
        await DecideCobrowse(new JoinCobrowse(sessionId), sessionId);

    public async Task<CobrowseResult> EndCobrowse(string? agentId, string sessionId, string actor, CancellationToken cancellationToken = default) =>
        await DecideCobrowse(new EndCobrowse(agentId, sessionId, actor), sessionId);

    private async Task<CobrowseResult> DecideCobrowse(InteractionCommand command, string sessionId)
    {
        if (state.State.Record is not { } record)
        {
            return CobrowseNotFound();
        }

        var decision = InteractionMachine.Decide(record, command, time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }

        return CobrowseAnswer(decision, sessionId);
    }

    /// <summary>A random six-digit code not held by an unexpired session, pointed at <paramref name="target"/>.</summary>
    private async Task<string> IssueCode(CobrowseCodeTarget target, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CodeTries; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, CobrowseRules.CodeSpace).ToString("D6", CultureInfo.InvariantCulture);
            if (await GrainFactory.GetGrain<ICobrowseCodeGrain>(GrainKeys.CobrowseCode(code)).TryIssue(target, cancellationToken))
            {
                return code;
            }

            InteractionLog.CobrowseCodeTaken(logger, tenantId, interactionId);
        }

        throw new InvalidOperationException($"No free co-browse code after {CodeTries} tries.");
    }

    private static CobrowseResult CobrowseAnswer(InteractionDecision decision, string? sessionId) =>
        new(decision.Kind.ToOutcome(), decision.Record.ToView(), decision.Detail,
            decision.Record.Cobrowse.FirstOrDefault(s => s.SessionId == sessionId)?.ToView());

    private CobrowseResult CobrowseNotFound() => new(InteractionOutcome.NotFound, null, $"There is no interaction '{interactionId}'.");
}
