using Microsoft.AspNetCore.Authorization;

namespace Switchboard.Api.Auth;

/// <summary>Authorization policies: roles, and for agent keys the agent they are bound to.</summary>
public static class Policies
{
    /// <summary>The operator key only.</summary>
    public const string Operator = "operator";

    /// <summary>Any tenant key.</summary>
    public const string AnyTenantKey = "tenant";

    /// <summary>Tenant admins.</summary>
    public const string Admin = "admin";

    /// <summary>Admins and supervisors.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Admins, supervisors and integrations: readers of the whole tenant.</summary>
    public const string TenantReader = "tenant-reader";

    /// <summary>Keys of people (admins, supervisors, agents): integrations read what these change.</summary>
    public const string Staff = "staff";

    /// <summary>Agent keys only: what only the agent itself does (marking its alerts read).</summary>
    public const string AgentOnly = "agent-only";

    /// <summary>Admins and integrations (a carrier or gateway): report call-leg events.</summary>
    public const string Telephony = "telephony";

    /// <summary>Admins and integrations: connecting other systems (webhooks).</summary>
    public const string Integrator = "integrator";

    /// <summary>Routes under <c>/v1/agents/{agentId}</c>: an agent key only on its own agent.</summary>
    public const string AgentScope = "agent-scope";

    public static void Add(AuthorizationBuilder builder) => builder
        .AddPolicy(Operator, p => p.RequireRole(Roles.Operator))
        .AddPolicy(AnyTenantKey, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.Integration))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Supervisor, p => p.RequireRole(Roles.Admin, Roles.Supervisor))
        .AddPolicy(TenantReader, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Integration))
        .AddPolicy(Staff, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Agent))
        .AddPolicy(AgentOnly, p => p.RequireRole(Roles.Agent))
        .AddPolicy(Telephony, p => p.RequireRole(Roles.Admin, Roles.Integration))
        .AddPolicy(Integrator, p => p.RequireRole(Roles.Integrators))
        .AddPolicy(AgentScope, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.Integration)
            .AddRequirements(new AgentScopeRequirement()));
}
