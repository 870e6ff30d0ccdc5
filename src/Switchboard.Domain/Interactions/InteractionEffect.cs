using System.Text.Json.Serialization;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// What the grain must do after persisting a decision. Every effect is idempotent for its interaction, so that the grain
/// may run a batch again after a failure.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$effect")]
[JsonDerivedType(typeof(EnqueueWork), "enqueue")]
[JsonDerivedType(typeof(LeaveQueue), "leave-queue")]
[JsonDerivedType(typeof(ReleaseOffer), "release-offer")]
[JsonDerivedType(typeof(MarkNoAnswer), "no-answer")]
[JsonDerivedType(typeof(MarkRejected), "rejected")]
[JsonDerivedType(typeof(StartAgentWork), "start-work")]
[JsonDerivedType(typeof(EndAgentWork), "end-work")]
[JsonDerivedType(typeof(CompleteAgentWrapUp), "complete-wrap-up")]
[JsonDerivedType(typeof(DialLeg), "dial")]
[JsonDerivedType(typeof(HangUpLeg), "hang-up")]
[JsonDerivedType(typeof(BridgeLegs), "bridge")]
[JsonDerivedType(typeof(UpdateCaseLink), "case-link")]
[JsonDerivedType(typeof(FollowEmailCase), "email-case")]
[JsonDerivedType(typeof(HoldAgentLine), "hold-line")]
public abstract record InteractionEffect;
