using Orleans.Storage;

namespace Switchboard.Grains.Tests;

/// <summary>The failure <see cref="FaultInjectingGrainStorage"/> injects. An <see cref="OrleansException"/>, so Orleans passes it on unwrapped.</summary>
[GenerateSerializer, Alias("Switchboard.Grains.Tests.InjectedStorageFaultException")]
public sealed class InjectedStorageFaultException : OrleansException
{
    public InjectedStorageFaultException()
    {
    }

    public InjectedStorageFaultException(string message)
        : base(message)
    {
    }

    public InjectedStorageFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
