namespace Switchboard.Hosting;

public enum HostingMode
{
    /// <summary>API and silo in one process: the embedded default.</summary>
    CoHosted = 0,

    /// <summary>The API host is an Orleans client of separate silo processes.</summary>
    Client = 1,
}
