using CsCheck;
using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tests.Support;

/// <summary>Random command sequences over small pools of states, actors, codes (valid and invalid) and work ids.</summary>
internal static class AgentCommandGen
{
    private static readonly string?[] CodePool = [null, "", "lunch", "training", "bogus", "LUNCH", "no-answer", "platform-change"];

    private static readonly string[] WorkPool = ["call-1", "chat-1", "chat-2"];

    public static readonly Gen<AgentCommand> ChangeState =
        Gen.Select(Gen.Enum<AgentState>(), Gen.Enum<StateActor>(), Gen.OneOf(CodePool),
            (target, actor, code) => (AgentCommand)new ChangeState(target, code, actor, Fixture.ActorIdOf(actor), Fixture.ReasonOf(actor)));

    public static readonly Gen<AgentCommand> StartWork = Gen.OneOf(WorkPool).Select(id => (AgentCommand)new StartWork(id));

    public static readonly Gen<AgentCommand> EndWork = Gen.OneOf(WorkPool).Select(id => (AgentCommand)new EndWork(id));

    public static readonly Gen<AgentCommand> CompleteWrapUp = Gen.Const((AgentCommand)new CompleteWrapUp());

    public static readonly Gen<AgentCommand> Command = Gen.Frequency(
        (5, (IGen<AgentCommand>)ChangeState),
        (3, StartWork),
        (3, EndWork),
        (2, CompleteWrapUp));

    public static readonly Gen<Step> Step =
        Gen.Select(Command, Gen.Int[1, 7_200], (command, seconds) => new Step(command, seconds));

    public static readonly Gen<Step[]> Steps = Step.Array[1, 60];
}
