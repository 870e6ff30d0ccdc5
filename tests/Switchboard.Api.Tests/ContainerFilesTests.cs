using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Switchboard.Api.Auth;
using Switchboard.Api.Hosting;
using Switchboard.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>
/// The images and the compose file, checked without a container runtime (this machine has none): what each image copies,
/// runs, exposes and runs as, and the settings the compose file passes.
/// </summary>
public sealed partial class ContainerFilesTests
{
    public static TheoryData<string, string> Hosts => new()
    {
        { "api/Dockerfile", "api/Switchboard.Api.csproj" },
        { "silo/Dockerfile", "silo/Switchboard.Silo.csproj" },
    };

    private static readonly string Compose = File.ReadAllText(RepositoryPaths.Combine("infra", "compose", "compose.yaml"));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_project_the_host_is_built_from_is_copied_before_the_restore_and_the_restore_is_of_that_host(string dockerfile, string project)
    {
        var lines = Instructions(dockerfile);
        var restore = lines.FindIndex(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "no restore step");
        Assert.Equal($"RUN dotnet restore {project}", lines[restore]);
        var copiedFirst = lines.Take(restore).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(l => l["COPY ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToHashSet(StringComparer.Ordinal);

        foreach (var needed in ProjectClosure(project).Append("global.json").Append("Directory.Build.props").Append("Directory.Packages.props"))
        {
            Assert.True(copiedFirst.Contains(needed), $"{dockerfile} does not copy {needed} before its restore");
            Assert.True(File.Exists(RepositoryPaths.Combine(needed)), $"{needed} does not exist");
        }

        // Then the sources of those projects, and the publish of the same project with nothing restored again.
        var folders = ProjectClosure(project).Select(p => p.Split('/')[0] + "/").ToHashSet(StringComparer.Ordinal);
        var copiedAfter = lines.Skip(restore).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(folders, copiedAfter);
        Assert.Contains(lines, l => l.StartsWith($"RUN dotnet publish {project} -c Release", StringComparison.Ordinal) && l.Contains("--no-restore", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_image_runs_the_projects_own_assembly_on_a_runtime_it_needs_as_a_user_that_is_not_root(string dockerfile, string project)
    {
        var lines = Instructions(dockerfile);
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count); // multi-stage: the SDK builds, only the runtime ships
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 ", stages[0], StringComparison.Ordinal);
        var runtime = stages[1].Split(' ')[1];

        // The published host asks for these shared frameworks: the runtime image must carry them (ASP.NET's has both).
        var frameworks = RuntimeConfig(project)["runtimeOptions"]!["frameworks"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Microsoft.NETCore.App", frameworks);
        Assert.StartsWith(frameworks.Contains("Microsoft.AspNetCore.App") ? "mcr.microsoft.com/dotnet/aspnet:10.0" : "mcr.microsoft.com/dotnet/runtime:10.0", runtime, StringComparison.Ordinal);
        // Tenants' time zones are IANA ids looked up in the system's zone data: a chiseled image must be the -extra one.
        Assert.True(!runtime.Contains("chiseled", StringComparison.Ordinal) || runtime.EndsWith("-extra", StringComparison.Ordinal), $"{runtime} has no time-zone data");

        var assembly = Path.GetFileNameWithoutExtension(project);
        Assert.DoesNotContain("<AssemblyName>", File.ReadAllText(RepositoryPaths.Combine(project)), StringComparison.Ordinal);
        Assert.Equal($"""ENTRYPOINT ["dotnet", "{assembly}.dll"]""", lines[^1]);

        var runtimeStage = lines.Skip(lines.IndexOf(stages[1])).ToList();
        var user = Assert.Single(runtimeStage, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.Equal("USER $APP_UID", user); // the image's unprivileged user (uid 1654), never root
        Assert.DoesNotContain(lines, l => l.StartsWith("USER root", StringComparison.Ordinal) || l == "USER 0");
    }

    [Fact]
    public void The_ports_the_images_expose_are_the_ones_the_hosts_listen_on()
    {
        var cluster = new SwitchboardClusterOptions();
        Assert.Equal($"EXPOSE {cluster.SiloPort} {cluster.GatewayPort}", Assert.Single(Instructions("silo/Dockerfile"), l => l.StartsWith("EXPOSE", StringComparison.Ordinal)));

        var api = Instructions("api/Dockerfile");
        Assert.Equal("EXPOSE 8080", Assert.Single(api, l => l.StartsWith("EXPOSE", StringComparison.Ordinal)));
        Assert.Contains("ENV ASPNETCORE_HTTP_PORTS=8080", api);
        Assert.Contains("targetPort: 8080", File.ReadAllText(RepositoryPaths.Combine("infra", "azure", "main.bicep")), StringComparison.Ordinal);
        Assert.Contains("\"127.0.0.1:8080:8080\"", Compose, StringComparison.Ordinal); // published on the machine's loopback only
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_tests_and_history()
    {
        var ignored = File.ReadAllLines(RepositoryPaths.Combine(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Superset(new HashSet<string> { "**/bin", "**/obj", ".git", "tests" }, ignored.ToHashSet());
        foreach (var host in new[] { "api/Dockerfile", "silo/Dockerfile" })
        {
            Assert.DoesNotContain(Instructions(host), l => l.StartsWith("COPY tests", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_compose_file_runs_azurite_two_silos_and_a_client_api_from_the_two_images_with_settings_the_hosts_read()
    {
        var services = ServicePattern().Matches(Compose).Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(["azurite", "silo-1", "silo-2", "api"], services);
        Assert.Contains("build: { context: ../.., dockerfile: silo/Dockerfile }", Compose, StringComparison.Ordinal);
        Assert.Contains("build: { context: ../.., dockerfile: api/Dockerfile }", Compose, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(Compose, "image: switchboard-silo").Count);

        string[] known =
        [
            .. SettingsOf<SwitchboardClusterOptions>(SwitchboardClusterOptions.Section),
            .. SettingsOf<StorageOptions>(StorageOptions.Section),
            .. SettingsOf<AuthOptions>(AuthOptions.Section),
            "ConnectionStrings__" + Switchboard.Hosting.SiloBuilderExtensions.ConnectionStringName,
        ];
        var settings = ComposeSettingPattern().Matches(Compose).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim('"'));
        Assert.All(settings.Keys, setting => Assert.Contains(setting, known));

        // The values the Azure template passes, so a local compose run is the cluster Azure runs.
        var template = File.ReadAllText(RepositoryPaths.Combine("infra", "azure", "main.bicep"));
        foreach (var (name, value) in settings.Where(s => s.Key is "Storage__Provider" or "Orleans__AdvertisedAddress" or "Orleans__Mode" or "Storage__LiveQueueCount" or "Storage__LiveQueuePollMilliseconds"))
        {
            Assert.Contains($"name: '{name}', value: '{value}'", template, StringComparison.Ordinal);
        }

        Assert.True(Enum.TryParse<StorageProvider>(settings["Storage__Provider"], out var provider) && provider == StorageProvider.AzureTables);
        Assert.True(Enum.TryParse<HostingMode>(settings["Orleans__Mode"], out var mode) && mode == HostingMode.Client);
        Assert.Contains("TableEndpoint=http://azurite:10002/", settings["ConnectionStrings__AzureStorage"], StringComparison.Ordinal);
    }

    /// <summary>The Dockerfile's instructions, comments and blank lines left out.</summary>
    private static List<string> Instructions(string dockerfile) =>
        [.. File.ReadAllLines(RepositoryPaths.Combine(dockerfile)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>The project and every project it references, transitively, as paths from the repository root.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(RepositoryPaths.Combine(next))!;
            foreach (var reference in XDocument.Load(RepositoryPaths.Combine(next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryPaths.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    /// <summary>The built host's runtimeconfig.json (the solution is built before its tests run).</summary>
    private static JsonNode RuntimeConfig(string project)
    {
        var configuration = typeof(ContainerFilesTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var name = Path.GetFileNameWithoutExtension(project);
        var path = RepositoryPaths.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", name + ".runtimeconfig.json");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static IEnumerable<string> SettingsOf<T>(string section) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{section}__{p.Name}");

    [GeneratedRegex(@"^  (?<name>[a-z0-9-]+):\s*$", RegexOptions.Multiline)]
    private static partial Regex ServicePattern();

    [GeneratedRegex(@"^\s+(?<name>[A-Za-z]+__[A-Za-z]+):\s*(?<value>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ComposeSettingPattern();
}
