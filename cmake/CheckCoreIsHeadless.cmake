# Fails the build when a file under core/ includes a Qt Widgets, Gui or WebEngine header.
# core/ is the headless library shared by the CLI and the desktop app (ARCHITECTURE.md, rule 1).
# Run as: cmake -DCORE_DIR=<dir> -P CheckCoreIsHeadless.cmake
file(GLOB_RECURSE sources "${CORE_DIR}/*.h" "${CORE_DIR}/*.cpp")
set(forbidden "#[ \t]*include[ \t]*[<\"](QtWidgets|QtGui|QtWebEngine[A-Za-z]*|QWidget|QApplication|QWebEngine[A-Za-z]*|QMainWindow|QDialog|QPixmap|QImage)[/>\"]")
set(offenders "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "${forbidden}")
    if(hits)
        list(APPEND offenders "${source}: ${hits}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " report)
    message(FATAL_ERROR "core/ must stay headless (no widgets, GUI or WebEngine headers):\n  ${report}")
endif()
