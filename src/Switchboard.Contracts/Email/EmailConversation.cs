namespace Switchboard.Contracts.Email;

/// <summary>
/// How a new email interaction continues an earlier conversation, as found when its message arrived: the interaction
/// whose message it answers, and a case to follow (that conversation's, or one its subject names that is the sender's).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailConversationLink")]
public sealed record EmailConversationLink(
    [property: Id(0)] string? FollowsInteractionId,
    [property: Id(1)] long? CaseNumber);

/// <summary>What an email conversation knows beyond its messages: what it continues, its case and customer, who answered it.</summary>
/// <param name="FollowsInteractionId">The earlier interaction it continues, if any.</param>
/// <param name="CaseNumber">The case it follows once accepted (or the case to follow, before).</param>
/// <param name="CustomerId">The customer of that case, once accepted.</param>
/// <param name="LastAnsweredBy">The agent who sent its last reply, or accepted it when none was sent.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailConversation")]
public sealed record EmailConversation(
    [property: Id(0)] string? FollowsInteractionId,
    [property: Id(1)] long? CaseNumber,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] string? LastAnsweredBy);

/// <summary>The case an accepted email follows, with its customer.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailCase")]
public sealed record EmailCase(
    [property: Id(0)] long CaseNumber,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string CustomerName);
