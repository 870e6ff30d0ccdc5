using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Crm;

/// <summary>Where a case stands.</summary>
public enum CaseStatus
{
    Open = 0,
    Pending = 1,
    Solved = 2,
    Closed = 3,
}

/// <summary>How urgent a case is.</summary>
public enum CasePriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>What a case may hold, and how its notes and history are stored: in pages, so no row grows with the case.</summary>
public static class CaseRules
{
    public const int MaxSubjectLength = 300;
    public const int MaxNoteLength = 4_000;

    /// <summary>Notes, and history entries, one case keeps: a case that has more is one to split.</summary>
    public const long MaxLogEntries = 10_000;

    /// <summary>Entries to a page of a case's notes or history.</summary>
    public const int PageSize = 50;

    /// <summary>Open cases a screen pop shows (the newest).</summary>
    public const int ScreenPopCases = 5;

    /// <summary>Open cases a customer's card keeps (the newest): more than a screen pop shows, so closing some still leaves five.</summary>
    public const int OpenCasesKept = 50;

    /// <summary>Interactions one case lists.</summary>
    public const int MaxInteractions = 1_000;

    /// <summary>Cases one tenant's directory holds.</summary>
    public const int MaxCases = CaseDirectory.Shards * CaseDirectory.MaxPerShard;

    public static bool IsValidSubject(string? subject) => Identifiers.IsValidText(subject, MaxSubjectLength);

    public static bool IsValidNote(string? text) => Identifiers.IsValidMessage(text, MaxNoteLength);

    /// <summary>The page (from 0) of entry <paramref name="sequence"/> (from 1).</summary>
    public static long PageOf(long sequence) => (sequence - 1) / PageSize;

    /// <summary>Whether a case in <paramref name="status"/> still asks for work (shown when its customer's work is offered).</summary>
    public static bool IsOpen(CaseStatus status) => status is CaseStatus.Open or CaseStatus.Pending;
}

/// <summary>How a tenant's cases are spread over directory shards (by number), so that no one row lists them all.</summary>
public static class CaseDirectory
{
    public const int Shards = 64;

    /// <summary>Cases one shard lists.</summary>
    public const int MaxPerShard = 4_000;

    public static int ShardOf(long number) => (int)(number % Shards);
}
