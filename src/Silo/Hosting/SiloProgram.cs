using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>Acts on parsed options: print the schema, validate, print the configuration, or run the silo.</summary>
public static class SiloProgram
{
    public static async Task<int> RunAsync(SiloOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        if (options.PrintSchema)
        {
            await output.WriteAsync(SettingsSchemaGenerator.Generate());
            return ExitCodes.Success;
        }

        if (options.Train is { } train)
        {
            return await TrainCommand.RunAsync(options, train, output, error, cancellation);
        }

        var loaded = SettingsLoader.Load(options.ConfigFile, new SettingsOverrides(options.Mode, options.LogLevel, options.DataFile), options.EnvironmentVariables);
        if (options.Validate)
        {
            ValidationReport.Write(loaded, output);
            return loaded.IsValid ? ExitCodes.Success : ExitCodes.ConfigurationError;
        }

        if (!loaded.IsValid)
        {
            ValidationReport.Write(loaded, error);
            return ExitCodes.ConfigurationError;
        }

        if (options.PrintRoutes)
        {
            await output.WriteAsync(RoutesReport.Describe(loaded.Settings!, loaded.Registry!.Catalog));
            return ExitCodes.Success;
        }

        if (options.PrintConfig)
        {
            await output.WriteAsync(SettingsPrinter.ToYaml(loaded.Settings!));
            return ExitCodes.Success;
        }

        if (options.InProcess)
        {
            return await InProcessCommand.RunAsync(loaded, options, output, error, cancellation);
        }

        return await SiloHost.RunAsync(loaded, options, loaded.Registry!, cancellation);
    }
}
