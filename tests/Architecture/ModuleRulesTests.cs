using BonSecours.Tests.Architecture.Rules;
using Xunit;

namespace BonSecours.Tests.Architecture;

/// <summary>The architecture rules, run against every module of the product.</summary>
public class ModuleRulesTests
{
    public static TheoryData<string> ModuleNames => Modules.Names();

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_references_only_building_blocks_and_contracts(string name) =>
        Expect.NoViolations(ReferenceRules.ForbiddenModuleReferences(Modules.Named(name).Main));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_reference_only_base_library(string name) =>
        Expect.NoViolations(ReferenceRules.NonBaseLibraryReferences(Modules.Named(name).Contracts));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_use_no_building_blocks_or_infrastructure(string name) =>
        Expect.NoViolations(ReferenceRules.TypesUsingForbiddenNamespaces(Modules.Named(name).Contracts, ReferenceRules.AnyNamespacePattern, ReferenceRules.ForbiddenInContracts));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_are_immutable_sealed_records_with_alias(string name) =>
        Expect.NoViolations(ContractRules.ShapeViolations(ContractRules.MessageTypes(Modules.Named(name).Contracts)));

    [Fact]
    public void Contract_aliases_are_unique_across_modules() =>
        Expect.NoViolations(ContractRules.DuplicateAliases(Modules.All.SelectMany(module => ContractRules.MessageTypes(module.Contracts))));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Domain_uses_no_infrastructure(string name) =>
        Expect.NoViolations(ReferenceRules.TypesUsingForbiddenNamespaces(Modules.Named(name).Main, ReferenceRules.DomainNamespacePattern, ReferenceRules.ForbiddenInDomain));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_is_internal_except_listed_types(string name)
    {
        var module = Modules.Named(name);

        Expect.NoViolations(VisibilityRules.UnexpectedPublicTypes(module.Main.GetTypes(), module.PublicTypes));
        Expect.NoViolations(VisibilityRules.InternalsOpenedOutsideTests(module.Main));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Host_uses_only_public_registration_of_module(string name)
    {
        var module = Modules.Named(name);

        Expect.NoViolations(VisibilityRules.ForeignTypesUsed(Modules.Host, module.Main, module.PublicTypes));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Other_modules_use_no_type_of_module(string name)
    {
        var module = Modules.Named(name);
        var others = Modules.All.Where(other => other != module).Select(other => other.Main).Append(Modules.BuildingBlocks);

        Expect.NoViolations(others.SelectMany(other => VisibilityRules.ForeignTypesUsed(other, module.Main, [])));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Wolverine_handlers_are_bound_to_module_store(string name)
    {
        var module = Modules.Named(name);

        Expect.NoViolations(HandlerRules.UnboundHandlers(module.Name, module.Main.GetTypes()));
        Expect.NoViolations(HandlerRules.MissingStoreBinding(Modules.Host, module.Store));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Mediator_handlers_are_not_public(string name) =>
        Expect.NoViolations(HandlerRules.PublicMediatorHandlers(Modules.Named(name).Main.GetTypes()));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Events_are_named_in_past_tense(string name)
    {
        var events = NamingRules.AppliedEvents(Modules.Named(name).Main.GetTypes());

        Assert.NotEmpty(events);
        Expect.NoViolations(NamingRules.EventsNotInPastTense(events));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Commands_are_named_in_imperative(string name)
    {
        var commands = NamingRules.Commands(Modules.Named(name).Main.GetTypes()).ToList();

        Assert.NotEmpty(commands);
        Expect.NoViolations(NamingRules.CommandsNotImperative(commands));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Validators_are_named_after_command(string name) =>
        Expect.NoViolations(NamingRules.MisnamedValidators(Modules.Named(name).Main.GetTypes()));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Endpoint_classes_are_internal(string name) =>
        Expect.NoViolations(VisibilityRules.PublicEndpoints(Modules.Named(name).Main.GetTypes()));
}
