# upnext_add_test(<name> [LIBS <targets>...])
# Builds tests/<name>.cpp into a QtTest executable and registers it with ctest.
function(upnext_add_test name)
    cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
    add_executable(${name} ${name}.cpp)
    target_link_libraries(${name} PRIVATE Qt6::Test upnext_common_flags ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    # Tests never touch the user's real profile or keychain service.
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;UPNEXT_PROFILE=${CMAKE_CURRENT_BINARY_DIR}/profiles/${name};XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/xdg/${name}"
        TIMEOUT 120)
endfunction()

# upnext_add_test_in_zones(<name> <zone>...)
# Registers a test added with upnext_add_test again for each IANA time zone, run with TZ set to
# it, as "<name>_in_<zone>" (e.g. tst_scorer_in_Asia_Tokyo).
function(upnext_add_test_in_zones name)
    foreach(zone IN LISTS ARGN)
        string(REGEX REPLACE "[^A-Za-z0-9]" "_" tag "${zone}")
        set(test ${name}_in_${tag})
        add_test(NAME ${test} COMMAND ${name})
        set_tests_properties(${test} PROPERTIES
            ENVIRONMENT "TZ=${zone};QT_QPA_PLATFORM=offscreen;UPNEXT_PROFILE=${CMAKE_CURRENT_BINARY_DIR}/profiles/${test};XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/xdg/${test}"
            TIMEOUT 120)
    endforeach()
endfunction()
