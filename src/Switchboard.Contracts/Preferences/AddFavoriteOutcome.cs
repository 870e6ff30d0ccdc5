namespace Switchboard.Contracts.Preferences;

public enum AddFavoriteOutcome
{
    Added = 0,
    AlreadyFavorite = 1,

    /// <summary>The agent has <see cref="IAgentPreferencesGrain.MaxFavorites"/> favorites already; nothing changed.</summary>
    LimitReached = 2,
}
