using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Queues;

/// <summary>
/// Whether queue settings are valid. Field names in violations are the API's, so callers can report them as they are.
/// </summary>
public static class QueueSettingsRules
{
    public const int MaxNameLength = 100;
    public const int MinOfferTimeoutSeconds = 5;
    public const int MaxOfferTimeoutSeconds = 300;
    public const int MaxWrapUpSeconds = 3600;
    public const int MaxTransactionCodes = 50;
    public const int MinOverflowAfterSeconds = 1;
    public const int MaxOverflowAfterSeconds = 86_400;
    public const int MinServiceLevelSeconds = 1;
    public const int MaxServiceLevelSeconds = 3600;
    public const int MinAbandonThresholdSeconds = 0;
    public const int MaxAbandonThresholdSeconds = 600;

    /// <summary>The states an agent that rejects an offer may be put in.</summary>
    public static IReadOnlyList<AgentState> RejectStates { get; } = [AgentState.Available, AgentState.Offline, AgentState.Break];

    /// <summary>
    /// Every rule <paramref name="settings"/> for queue <paramref name="queueId"/> breaks (empty: valid). Without
    /// <paramref name="references"/> only the shape is checked, not that codes and the overflow queue exist.
    /// </summary>
    public static IReadOnlyList<QueueRuleViolation> Check(string queueId, QueueSettings settings, QueueReferences? references = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var violations = new List<QueueRuleViolation>();
        void Check(bool valid, string field, string message)
        {
            if (!valid)
            {
                violations.Add(new QueueRuleViolation(field, message));
            }
        }

        Check(Identifiers.IsValidId(queueId), "id",
            $"id is required: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        Check(Identifiers.IsValidText(settings.Name, MaxNameLength), "name",
            $"name is required: 1-{MaxNameLength} characters, not blank, without control characters.");
        Check(Enum.IsDefined(settings.Media), "media", "media is not a known media type.");
        Check(Enum.IsDefined(settings.Strategy), "strategy", "strategy is not a known routing strategy.");
        Check(settings.OfferTimeoutSeconds is >= MinOfferTimeoutSeconds and <= MaxOfferTimeoutSeconds, "offerTimeoutSeconds",
            $"offerTimeoutSeconds must be between {MinOfferTimeoutSeconds} and {MaxOfferTimeoutSeconds}.");
        CheckTransactionCodes(settings.TransactionCodes, references, violations);
        Check(settings.WrapUp.MaxSeconds is null or (>= 0 and <= MaxWrapUpSeconds), "wrapUp.maxSeconds",
            $"wrapUp.maxSeconds must be between 0 and {MaxWrapUpSeconds}, or null for no limit.");
        Check(!settings.WrapUp.CodeRequired || settings.TransactionCodes.Count > 0, "wrapUp.codeRequired",
            "wrapUp.codeRequired needs at least one transaction code on the queue.");
        if (settings.Overflow is { } overflow)
        {
            CheckOverflow(queueId, overflow, references, violations);
        }

        Check(RejectStates.Contains(settings.RejectAgentState), "rejectAgentState",
            $"rejectAgentState must be one of: {string.Join(", ", RejectStates)}.");
        Check(settings.ServiceLevelSeconds is >= MinServiceLevelSeconds and <= MaxServiceLevelSeconds, "serviceLevelSeconds",
            $"serviceLevelSeconds must be between {MinServiceLevelSeconds} and {MaxServiceLevelSeconds}.");
        Check(settings.AbandonThresholdSeconds is >= MinAbandonThresholdSeconds and <= MaxAbandonThresholdSeconds, "abandonThresholdSeconds",
            $"abandonThresholdSeconds must be between {MinAbandonThresholdSeconds} and {MaxAbandonThresholdSeconds}.");
        return violations;
    }

    private static void CheckTransactionCodes(IReadOnlyList<string> codes, QueueReferences? references, List<QueueRuleViolation> violations)
    {
        if (codes.Count > MaxTransactionCodes)
        {
            violations.Add(new QueueRuleViolation("transactionCodes", $"transactionCodes may list at most {MaxTransactionCodes} codes."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            var field = $"transactionCodes[{i}]";
            if (!Identifiers.IsValidCode(code))
            {
                violations.Add(new QueueRuleViolation(field,
                    $"must be a code: 1-{Identifiers.MaxCodeLength} of lower-case letters, digits, '.', '_' or '-'."));
            }
            else if (!seen.Add(code))
            {
                violations.Add(new QueueRuleViolation(field, $"'{code}' appears more than once."));
            }
            else if (references is not null && !references.TransactionCodes.Contains(code))
            {
                violations.Add(new QueueRuleViolation(field, $"'{code}' is not one of the tenant's transaction codes (see /v1/transaction-codes)."));
            }
        }
    }

    private static void CheckOverflow(string queueId, QueueOverflow overflow, QueueReferences? references, List<QueueRuleViolation> violations)
    {
        if (!Identifiers.IsValidId(overflow.QueueId))
        {
            violations.Add(new QueueRuleViolation("overflow.queueId",
                $"overflow.queueId is required: a queue id of 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'."));
        }
        else if (string.Equals(overflow.QueueId, queueId, StringComparison.Ordinal))
        {
            violations.Add(new QueueRuleViolation("overflow.queueId", "A queue cannot overflow to itself."));
        }
        else if (references is not null && !references.QueueExists(overflow.QueueId))
        {
            violations.Add(new QueueRuleViolation("overflow.queueId", $"Queue '{overflow.QueueId}' does not exist."));
        }

        if (overflow.AfterSeconds is < MinOverflowAfterSeconds or > MaxOverflowAfterSeconds)
        {
            violations.Add(new QueueRuleViolation("overflow.afterSeconds",
                $"overflow.afterSeconds is required: between {MinOverflowAfterSeconds} and {MaxOverflowAfterSeconds}."));
        }
    }
}
