package dev.heroku4j.simulator.junit;

class SharedSimulatorSecondTests extends SharedSimulatorBase {
}
