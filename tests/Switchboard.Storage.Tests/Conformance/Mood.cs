namespace Switchboard.Storage.Tests.Conformance;

public enum Mood
{
    Calm = 0,
    Busy = 1,
    Away = 7,
}
