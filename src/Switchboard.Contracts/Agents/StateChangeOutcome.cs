namespace Switchboard.Contracts.Agents;

[GenerateSerializer, Alias("Switchboard.StateChangeOutcome")]
public enum StateChangeOutcome
{
    Applied = 0,
    Deferred = 1,
    Unchanged = 2,
    AgentNotFound = 3,
    PreconditionFailed = 4,
    TransitionNotAllowed = 5,
    ReasonCodeRequired = 6,
    ReasonCodeInvalid = 7,
}
