using System.Reflection;
using BonSecours.Modules.Violations.Contracts;
using BonSecours.Modules.Violations.Domain;
using BonSecours.Modules.Violations.Features;
using BonSecours.Modules.Violations.Infrastructure;
using BonSecours.Tests.Architecture.Rules;
using Xunit;

namespace BonSecours.Tests.Architecture;

/// <summary>Each rule, run against the deliberately broken types in Fixtures, must report them.</summary>
public class RuleViolationTests
{
    private static readonly Assembly TestAssembly = typeof(RuleViolationTests).Assembly;

    private static Type[] InNamespace(string suffix) =>
        [.. TestAssembly.GetTypes().Where(type => type.Namespace == $"BonSecours.Modules.Violations.{suffix}")];

    [Fact]
    public void Reference_to_module_main_project_is_reported()
    {
        var violations = ReferenceRules.ForbiddenModuleReferences(TestAssembly);

        Assert.Contains(violations, violation => violation.EndsWith("references BonSecours.Modules.Residents", StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.EndsWith("references BonSecours.Host", StringComparison.Ordinal));
    }

    [Fact]
    public void Contracts_reference_outside_base_library_is_reported() =>
        Assert.Contains(ReferenceRules.NonBaseLibraryReferences(TestAssembly), violation => violation.EndsWith("references Marten", StringComparison.Ordinal));

    [Fact]
    public void Type_using_marten_is_reported()
    {
        var violations = ReferenceRules.TypesUsingForbiddenNamespaces(TestAssembly, ReferenceRules.DomainNamespacePattern, ReferenceRules.ForbiddenInDomain);

        Assert.Contains(violations, violation => violation.StartsWith(typeof(DomainUsingMarten).FullName!, StringComparison.Ordinal));
        Assert.DoesNotContain(violations, violation => violation.StartsWith(typeof(ViolationAggregate).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_using_application_layer_is_reported()
    {
        var violations = ReferenceRules.TypesUsingForbiddenNamespaces(TestAssembly, ReferenceRules.DomainNamespacePattern, ReferenceRules.ForbiddenInDomain);

        Assert.Contains(violations, violation => violation.StartsWith(typeof(DomainRequest).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_using_building_blocks_is_reported()
    {
        var violations = ReferenceRules.TypesUsingForbiddenNamespaces(TestAssembly, @"^BonSecours\.Modules\.Violations\.Domain$", ReferenceRules.ForbiddenInContracts);

        Assert.Contains(violations, violation => violation.StartsWith(typeof(DomainRequest).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void Mutable_contract_class_is_reported()
    {
        var violations = ContractRules.ShapeViolations([typeof(MutableContract)]);

        Assert.Contains($"{typeof(MutableContract).FullName} is not sealed", violations);
        Assert.Contains($"{typeof(MutableContract).FullName} is not a record", violations);
        Assert.Contains($"{typeof(MutableContract).FullName}.ResidentId has a public setter", violations);
    }

    [Fact]
    public void Contract_without_alias_is_reported() =>
        Assert.Contains(ContractRules.ShapeViolations([typeof(ContractWithoutAlias)]), violation => violation.Contains("no [DataContract]", StringComparison.Ordinal));

    [Fact]
    public void Duplicate_contract_alias_is_reported()
    {
        var types = ContractRules.MessageTypes(Modules.All[0].Contracts).Append(typeof(DuplicateAliasContract));

        Assert.Contains(ContractRules.DuplicateAliases(types), violation => violation.StartsWith("alias residents.resident-registered.v1", StringComparison.Ordinal));
    }

    [Fact]
    public void Unlisted_public_module_type_is_reported() =>
        Assert.Contains(VisibilityRules.UnexpectedPublicTypes(InNamespace("Features"), []), violation => violation.StartsWith(typeof(LeakyEndpoint).FullName!, StringComparison.Ordinal));

    [Fact]
    public void Internals_opened_to_non_test_assembly_is_reported() =>
        Assert.Equal(
            [$"{TestAssembly.GetName().Name} opens its internal types to BonSecours.Modules.Violations"],
            VisibilityRules.InternalsOpenedOutsideTests(TestAssembly));

    [Fact]
    public void Use_of_internal_module_type_is_reported()
    {
        var module = Modules.Named("Residents");

        var violations = VisibilityRules.ForeignTypesUsed(TestAssembly, module.Main, module.PublicTypes);

        Assert.Contains(violations, violation => violation.Contains("uses BonSecours.Modules.Residents.Domain.Resident ", StringComparison.Ordinal));
    }

    [Fact]
    public void Handler_without_store_is_reported()
    {
        var violations = HandlerRules.UnboundHandlers("Violations", InNamespace("Features"));

        Assert.Contains(violations, violation => violation.StartsWith(typeof(ThingConsumer).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void Store_not_bound_in_host_is_reported() =>
        Assert.Single(HandlerRules.MissingStoreBinding(Modules.Host, typeof(IViolationsStore)));

    [Fact]
    public void Public_mediator_handler_is_reported() =>
        Assert.Equal([$"{typeof(PublicRequestHandler).FullName} is a public MediatR handler"], HandlerRules.PublicMediatorHandlers(InNamespace("Features")));

    [Fact]
    public void Event_not_in_past_tense_is_reported()
    {
        var events = NamingRules.AppliedEvents(InNamespace("Domain"));

        Assert.Equal([typeof(BonSecours.Modules.Violations.Domain.ResidentRegistration)], events);
        Assert.Single(NamingRules.EventsNotInPastTense(events));
    }

    [Fact]
    public void Command_not_in_imperative_is_reported()
    {
        var violations = NamingRules.CommandsNotImperative(NamingRules.Commands(InNamespace("Features")));

        Assert.DoesNotContain(violations, violation => violation.Contains($"{typeof(RegisterThing).FullName} ", StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.StartsWith($"command {typeof(ThingRegistered).FullName} is in the past tense", StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.StartsWith($"command {typeof(BonSecours.Modules.Violations.Features.ResidentRegistration).FullName} does not start", StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.StartsWith($"command {typeof(RegisterThingCommand).FullName} ends in", StringComparison.Ordinal));
    }

    [Fact]
    public void Misnamed_validator_is_reported() =>
        Assert.Contains(NamingRules.MisnamedValidators(InNamespace("Features")), violation => violation.StartsWith($"validator {typeof(ThingRules).FullName}", StringComparison.Ordinal));

    [Fact]
    public void Public_endpoint_class_is_reported() =>
        Assert.Equal([$"{typeof(LeakyEndpoint).FullName} is a public endpoint class"], VisibilityRules.PublicEndpoints(InNamespace("Features")));
}
