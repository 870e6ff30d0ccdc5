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
}
