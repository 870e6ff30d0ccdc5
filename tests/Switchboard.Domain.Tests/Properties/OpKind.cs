namespace Switchboard.Domain.Tests.Properties;

/// <summary>What a generated step does to the world.</summary>
internal enum OpKind
{
    Create,
    CreateDirect,
    SetState,
    Accept,
    Reject,
    Advance,
    CustomerHangUp,
    AgentLegDropped,
    AgentEnd,
    Hold,
    Resume,
    TransferToAgent,
    TransferToQueue,
    ConsultAgent,
    ConsultQueue,
    CompleteConsult,
    CancelConsult,
    Conference,
    WrapUp,
    Random,
    SetUtilization,

    /// <summary>A call put through to an agent who has its call on hold: its line 2.</summary>
    SecondLine,
}
