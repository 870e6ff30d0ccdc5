namespace Switchboard.Contracts.Interactions;

/// <summary>The actions an agent takes on an interaction (REST sub-resources).</summary>
public enum InteractionActionKind
{
    Accept = 0,
    Reject = 1,
    Hold = 2,
    Resume = 3,
    End = 4,
    Transfer = 5,
    Consult = 6,
    CompleteConsult = 7,
    CancelConsult = 8,
    Conference = 9,
    WrapUp = 10,
}
